-- Saves a funnel; saving again under the same id replaces the name and definition but keeps
-- the creation time.
INSERT INTO saved_funnels (site, id, name, definition, created_at, updated_at)
VALUES (@site, @id, @name, @definition, @now, @now)
ON CONFLICT (site, id) DO UPDATE SET name = excluded.name, definition = excluded.definition, updated_at = excluded.updated_at
