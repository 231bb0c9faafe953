SELECT rule_id, slot, evaluated_at, outcome, reason, value, detail
FROM alert_evaluations
WHERE rule_id = @rule_id AND slot >= @from AND slot < @to
ORDER BY slot
LIMIT @limit
