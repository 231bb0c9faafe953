SELECT MIN(next_attempt_at) AS next FROM alert_outbox WHERE status = 'pending'
