INSERT INTO alert_rules (id, site, name, definition, enabled, created_at, updated_at)
VALUES (@id, @site, @name, @definition, @enabled, @created_at, @updated_at)
