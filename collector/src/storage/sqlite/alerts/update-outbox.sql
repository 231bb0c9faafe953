UPDATE alert_outbox SET status = @status, attempts = @attempts, next_attempt_at = @next_attempt_at WHERE id = @id
