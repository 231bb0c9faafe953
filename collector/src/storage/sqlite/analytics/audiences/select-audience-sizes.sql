-- Size history, newest first.
SELECT computed_at AS computedAt, members, holdout, joined, left FROM audience_sizes
WHERE site = @site AND audience_id = @audience_id
ORDER BY computed_at DESC LIMIT @limit
