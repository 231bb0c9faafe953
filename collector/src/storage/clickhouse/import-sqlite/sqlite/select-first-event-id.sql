-- The id of the first event ever stored: with the file's path, it names the database in the
-- recorded progress, so a different database at the same path starts from the beginning.
SELECT id FROM events ORDER BY seq LIMIT 1
