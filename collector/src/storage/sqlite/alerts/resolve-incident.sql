UPDATE alert_incidents
SET status = 'resolved', resolved_at = @at, resolved_by = @owner, resolve_note = @note
WHERE id = @id AND status IN ('firing', 'acknowledged')
