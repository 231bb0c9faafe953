-- Firings waiting for delivery, with the consent the person has now (checked again: consent
-- withdrawn between the scan and the delivery stops it).
SELECT f.person_id AS personId, f.window_start AS windowStart, f.event_ts AS eventTs, f.event_id AS eventId,
       f.attempts, c.granted
FROM trigger_firings f
LEFT JOIN consent_state c ON c.site = f.site AND c.person_id = f.person_id
WHERE f.site = @site AND f.trigger_id = @trigger_id AND f.status = 'pending'
ORDER BY f.event_ts
LIMIT 500
