SELECT version, definition, created_at FROM tag_versions WHERE site = @site AND id = @id ORDER BY version
