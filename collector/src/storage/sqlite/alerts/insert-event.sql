INSERT INTO alert_events (site, rule_id, incident_id, type, at, owner, note, payload)
VALUES (@site, @rule_id, @incident_id, @type, @at, @owner, @note, @payload)
