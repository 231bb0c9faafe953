DELETE FROM alert_rule_state WHERE rule_id = @id
