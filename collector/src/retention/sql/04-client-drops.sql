-- SDK queue-drop reports received before the cut.
DELETE FROM client_drops
WHERE rowid IN (SELECT rowid FROM client_drops WHERE site = @site AND received_at < @cutoff LIMIT @chunk)
