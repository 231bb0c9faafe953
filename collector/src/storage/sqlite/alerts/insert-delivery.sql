INSERT INTO alert_deliveries (outbox_id, event_seq, channel_type, attempt, at, ok, status_code, error)
VALUES (@outbox_id, @event_seq, @channel_type, @attempt, @at, @ok, @status_code, @error)
