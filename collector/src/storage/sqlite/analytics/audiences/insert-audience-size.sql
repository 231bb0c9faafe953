INSERT OR REPLACE INTO audience_sizes (site, audience_id, computed_at, members, holdout, joined, left)
VALUES (@site, @audience_id, @now, @members, @holdout, @joined, @left)
