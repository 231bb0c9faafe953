SELECT id, definition, created_at, updated_at FROM audiences WHERE site = @site AND id = @id
