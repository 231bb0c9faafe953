-- Firings waiting for delivery (run-triggers.ts checks consent again: consent withdrawn between
-- the scan and the delivery stops it).
SELECT f.person_id AS personId, f.window_start AS windowStart, f.event_ts AS eventTs, f.event_id AS eventId, f.attempts
FROM trigger_firings f
WHERE f.site = @site AND f.trigger_id = @trigger_id AND f.status = 'pending'
ORDER BY f.event_ts
LIMIT 500
