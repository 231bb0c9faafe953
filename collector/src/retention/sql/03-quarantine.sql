-- Quarantined payloads received before the cut.
DELETE FROM quarantine
WHERE qid IN (SELECT qid FROM quarantine WHERE site = @site AND received_at < @cutoff LIMIT @chunk)
