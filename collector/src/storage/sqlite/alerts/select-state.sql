SELECT rule_id, status, consecutive, last_slot, last_fired_at, incident_id FROM alert_rule_state WHERE rule_id = @rule_id
