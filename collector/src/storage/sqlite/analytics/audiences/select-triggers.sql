SELECT id, definition, created_at, updated_at FROM triggers WHERE site = @site ORDER BY id
