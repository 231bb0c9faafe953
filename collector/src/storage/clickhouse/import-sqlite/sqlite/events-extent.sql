-- What a copy of events covers: the last `seq` now (events stored later are left to a rerun), how
-- many events that is, and how many of them an earlier run already copied (`seq` <= @after).
SELECT coalesce(max(seq), 0) AS max_key, count(*) AS total, coalesce(sum(seq <= @after), 0) AS done
FROM events
