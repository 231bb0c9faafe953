-- The site's campaign that ended last before @start (the one a review compares with).
SELECT id, site, definition, created_at, updated_at FROM campaigns
WHERE site = @site AND id <> @id AND end_at <= @start
ORDER BY end_at DESC, id
LIMIT 1
