INSERT INTO triggers (site, id, definition, created_at, updated_at)
VALUES (@site, @id, @definition, @now, @now)
ON CONFLICT (site, id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
