-- Unreadable bodies (no site could be read) received before the cut; the caller passes the
-- shortest retention of all sites, since such a body may belong to any of them.
DELETE FROM quarantine
WHERE qid IN (SELECT qid FROM quarantine WHERE site IS NULL AND received_at < @cutoff LIMIT @chunk)
