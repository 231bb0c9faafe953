SELECT id, site, definition, enabled, created_at, updated_at FROM alert_rules WHERE id = @id
