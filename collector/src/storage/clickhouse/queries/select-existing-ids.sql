-- Which of these event ids of these visitors are already stored (the duplicate check of ingest;
-- the sort key makes it a range read).
SELECT DISTINCT id
FROM {table:events}
WHERE site = {site:String} AND anonymous_id IN {visitors:Array(String)} AND id IN {ids:Array(String)}
