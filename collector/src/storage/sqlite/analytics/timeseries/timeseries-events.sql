-- Per bucket (see timeseries-sessions.sql for @buckets): page views and counted conversions that
-- happened in it, from human sessions only.
WITH b AS MATERIALIZED (
  SELECT CAST(key AS INTEGER) AS i, value ->> '$[0]' AS lo, value ->> '$[1]' AS hi
  FROM json_each(@buckets)
)
SELECT b.i AS bucket,
       (SELECT COUNT(*)
          FROM events e JOIN sessions s ON s.site = e.site AND s.session_key = e.session_key
         WHERE e.site = @site AND e.event = 'page_view' AND e.ts >= b.lo AND e.ts < b.hi
           AND e.is_bot = 0 AND s.is_bot = 0 AND s.too_long = 0) AS pageviews,
       (SELECT COUNT(*)
          FROM counted_conversions c JOIN sessions s ON s.site = c.site AND s.session_key = c.session_key
         WHERE c.site = @site AND c.ts >= b.lo AND c.ts < b.hi
           AND s.is_bot = 0 AND s.too_long = 0) AS conversions
FROM b
ORDER BY b.i
