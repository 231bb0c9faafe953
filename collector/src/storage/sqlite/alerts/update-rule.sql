UPDATE alert_rules
SET name = @name, definition = @definition, enabled = @enabled, updated_at = @updated_at
WHERE id = @id
