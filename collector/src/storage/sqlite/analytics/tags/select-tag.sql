SELECT id, version, definition, created_at, updated_at FROM tags WHERE site = @site AND id = @id
