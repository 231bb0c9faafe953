-- Saves an audience; an existing id keeps its created_at and membership history.
INSERT INTO audiences (site, id, definition, created_at, updated_at)
VALUES (@site, @id, @definition, @now, @now)
ON CONFLICT (site, id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
