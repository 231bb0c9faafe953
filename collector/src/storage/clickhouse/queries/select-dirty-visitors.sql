-- At most {limit} visitors of the site whose derived rows are stale.
SELECT anonymous_id
FROM {table:dirty_visitors} FINAL
WHERE site = {site:String} AND dirty = 1
ORDER BY anonymous_id
LIMIT {limit:UInt32}
