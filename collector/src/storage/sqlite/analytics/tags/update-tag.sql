-- A new version of a tag's definition.
UPDATE tags SET version = version + 1, definition = @definition, updated_at = @now
WHERE site = @site AND id = @id
RETURNING version
