INSERT INTO alert_incidents (id, rule_id, site, status, fired_at, value)
VALUES (@id, @rule_id, @site, 'firing', @fired_at, @value)
