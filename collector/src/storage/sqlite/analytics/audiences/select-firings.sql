SELECT person_id AS personId, event_id AS eventId, event_ts AS eventTs, created_at AS createdAt,
       status, attempts, delivered_at AS deliveredAt, last_error AS lastError
FROM trigger_firings WHERE site = @site AND trigger_id = @trigger_id
ORDER BY created_at DESC, person_id LIMIT @limit
