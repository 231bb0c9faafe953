-- The next chunk of events to copy, in insertion order (`seq`), up to the last event that existed
-- when the copy started. `import_key` is what the copy records as its progress.
SELECT seq AS import_key, *
FROM events
WHERE seq > @after AND seq <= @until
ORDER BY seq
LIMIT @limit
