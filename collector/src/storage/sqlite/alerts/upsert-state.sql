INSERT INTO alert_rule_state (rule_id, status, consecutive, last_slot, last_fired_at, incident_id, updated_at)
VALUES (@rule_id, @status, @consecutive, @last_slot, @last_fired_at, @incident_id, @updated_at)
ON CONFLICT (rule_id) DO UPDATE SET
  status = excluded.status,
  consecutive = excluded.consecutive,
  last_slot = excluded.last_slot,
  last_fired_at = excluded.last_fired_at,
  incident_id = excluded.incident_id,
  updated_at = excluded.updated_at
