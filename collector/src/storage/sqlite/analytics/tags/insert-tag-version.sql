INSERT INTO tag_versions (site, id, version, definition, created_at)
VALUES (@site, @id, @version, @definition, @now)
