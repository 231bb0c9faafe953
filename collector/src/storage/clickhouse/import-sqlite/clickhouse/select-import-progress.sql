-- The last copied key of each table of one SQLite database. Keys only grow, so the largest is
-- the latest whether or not the rows were merged yet.
SELECT table_name, max(last_key) AS last_key
FROM {table:import_progress}
WHERE source = {source:String}
GROUP BY table_name
