SELECT id, event_seq, channel_index, channel, attempts FROM alert_outbox
WHERE status = 'pending' AND next_attempt_at <= @now
ORDER BY next_attempt_at, id
LIMIT @limit
