-- The saved funnels of a site, most recently changed first.
SELECT id, name, definition, created_at, updated_at
FROM saved_funnels
WHERE site = @site
ORDER BY updated_at DESC, id
