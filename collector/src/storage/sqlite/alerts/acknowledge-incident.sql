UPDATE alert_incidents
SET status = 'acknowledged', acknowledged_at = @at, acknowledged_by = @owner, acknowledge_note = @note
WHERE id = @id AND status = 'firing'
