SELECT id, site, definition, enabled, created_at, updated_at FROM alert_rules WHERE site = @site ORDER BY created_at, id
