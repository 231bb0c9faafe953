-- What a copy of the quarantine covers: the last `qid` now, how many rows that is, and how many of
-- them an earlier run already copied.
SELECT coalesce(max(qid), 0) AS max_key, count(*) AS total, coalesce(sum(qid <= @after), 0) AS done
FROM quarantine
