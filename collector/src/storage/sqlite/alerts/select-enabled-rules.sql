SELECT id, site, definition, enabled, created_at, updated_at FROM alert_rules WHERE enabled = 1 ORDER BY created_at, id
