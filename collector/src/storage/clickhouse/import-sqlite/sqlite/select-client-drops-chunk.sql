-- The next chunk of client drop reports to copy, in rowid order (the table has no key of its own),
-- up to the last one that existed when the copy started.
SELECT rowid AS import_key, *
FROM client_drops
WHERE rowid > @after AND rowid <= @until
ORDER BY rowid
LIMIT @limit
