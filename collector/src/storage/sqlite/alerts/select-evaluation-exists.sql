SELECT 1 AS found FROM alert_evaluations WHERE rule_id = @rule_id AND slot = @slot
