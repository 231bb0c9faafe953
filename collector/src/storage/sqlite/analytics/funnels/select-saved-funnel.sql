SELECT id, name, definition, created_at, updated_at
FROM saved_funnels
WHERE site = @site AND id = @id
