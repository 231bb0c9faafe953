INSERT INTO campaigns (id, site, name, definition, end_at, created_at, updated_at)
VALUES (@id, @site, @name, @definition, @end_at, @created_at, @updated_at)
