-- The next chunk of quarantined payloads to copy, in `qid` order, up to the last one that existed
-- when the copy started.
SELECT qid AS import_key, *
FROM quarantine
WHERE qid > @after AND qid <= @until
ORDER BY qid
LIMIT @limit
