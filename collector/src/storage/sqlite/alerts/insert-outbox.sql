INSERT INTO alert_outbox (event_seq, channel_index, channel, next_attempt_at)
VALUES (@event_seq, @channel_index, @channel, @next_attempt_at)
