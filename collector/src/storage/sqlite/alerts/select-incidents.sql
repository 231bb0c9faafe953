SELECT * FROM alert_incidents
WHERE site = @site AND (@rule_id IS NULL OR rule_id = @rule_id) AND (@status IS NULL OR status = @status)
ORDER BY fired_at DESC, id
LIMIT @limit
