SELECT id, site, definition, created_at, updated_at FROM campaigns WHERE site = @site ORDER BY end_at DESC, id
