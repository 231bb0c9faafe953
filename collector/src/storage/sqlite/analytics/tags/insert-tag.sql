-- A new tag, version 1. Fails on an existing (site, id): editing goes through update-tag.sql.
INSERT INTO tags (site, id, version, definition, created_at, updated_at)
VALUES (@site, @id, 1, @definition, @now, @now)
