SELECT seq, site, rule_id, incident_id, type, at, owner, note, payload FROM alert_events WHERE seq = @seq
