-- Most viewed paths over [{from}, {to}), humans only; visitors are distinct persons.
SELECT assumeNotNull(path) AS path, count() AS pageviews, ifNull(uniqExact(person_id), 0) AS visitors
FROM {table:events} FINAL
WHERE site = {site:String} AND is_bot = 0 AND event = 'page_view' AND ts >= {from:Int64} AND ts < {to:Int64}
  AND path IS NOT NULL
  AND ifNull(session_key, '') GLOBAL NOT IN (
    SELECT session_key FROM {table:sessions} FINAL
    WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1))
GROUP BY path
ORDER BY pageviews DESC, visitors DESC, path
LIMIT {limit:UInt32}
