-- Per bucket: human sessions that started in it, their distinct persons, and how many of them
-- had a counted conversion. @buckets is a JSON array of [start, end) pairs in epoch ms, cut by
-- the caller in the site time zone (DST-correct); every bucket comes back, empty ones with 0.
WITH b AS MATERIALIZED (
  SELECT CAST(key AS INTEGER) AS i, value ->> '$[0]' AS lo, value ->> '$[1]' AS hi
  FROM json_each(@buckets)
),
conv AS MATERIALIZED (
  -- A session's conversions come after its start, so conversions from the first bucket on suffice.
  SELECT DISTINCT session_key
  FROM counted_conversions
  WHERE site = @site AND ts >= (SELECT MIN(lo) FROM b)
)
SELECT b.i AS bucket,
       COUNT(s.session_key) AS sessions,
       COUNT(DISTINCT s.person_id) AS users,
       -- IN builds a lookup on conv; a join on the materialized CTE would scan it per session.
       COALESCE(SUM(s.session_key IN (SELECT session_key FROM conv)), 0) AS converting_sessions
FROM b
LEFT JOIN sessions s
  ON s.site = @site AND s.start_ts >= b.lo AND s.start_ts < b.hi AND s.is_bot = 0 AND s.too_long = 0
GROUP BY b.i
ORDER BY b.i
