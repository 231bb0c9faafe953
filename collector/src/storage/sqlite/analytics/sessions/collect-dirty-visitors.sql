-- At most @limit dirty visitors of the site per transaction, so a large backlog (the first
-- refresh of a big database) does not hold the write lock longer than ingest is willing to wait.
INSERT OR IGNORE INTO refresh_visitors (site, anonymous_id)
SELECT site, anonymous_id FROM dirty_visitors WHERE site = @site ORDER BY anonymous_id LIMIT @limit
