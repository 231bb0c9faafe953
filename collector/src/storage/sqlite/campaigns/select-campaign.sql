SELECT id, site, definition, created_at, updated_at FROM campaigns WHERE id = @id
