SELECT seq, site, rule_id, incident_id, type, at, owner, note, payload
FROM alert_events
WHERE site = @site AND (@rule_id IS NULL OR rule_id = @rule_id) AND at >= @from AND at < @to
ORDER BY at, seq
LIMIT @limit
