-- What a copy of client drop reports covers: the last rowid now, how many rows that is, and how
-- many of them an earlier run already copied.
SELECT coalesce(max(rowid), 0) AS max_key, count(*) AS total, coalesce(sum(rowid <= @after), 0) AS done
FROM client_drops
