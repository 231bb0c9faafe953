SELECT d.id, d.event_seq, d.channel_type, d.attempt, d.at, d.ok, d.status_code, d.error, o.channel_index
FROM alert_deliveries d JOIN alert_outbox o ON o.id = d.outbox_id
WHERE d.event_seq = @event_seq
ORDER BY d.id
