-- Per bucket and currency (see timeseries-sessions.sql for @buckets): revenue of the counted
-- conversions that happened in it, from human sessions. Currencies are never added together;
-- rounded to 4 decimals to drop binary float noise.
WITH b AS MATERIALIZED (
  SELECT CAST(key AS INTEGER) AS i, value ->> '$[0]' AS lo, value ->> '$[1]' AS hi
  FROM json_each(@buckets)
)
SELECT b.i AS bucket, c.currency AS currency, ROUND(SUM(c.revenue), 4) AS amount
FROM b
JOIN counted_conversions c ON c.site = @site AND c.ts >= b.lo AND c.ts < b.hi
JOIN sessions s ON s.site = c.site AND s.session_key = c.session_key
WHERE s.is_bot = 0 AND s.too_long = 0 AND c.currency IS NOT NULL AND c.revenue IS NOT NULL
GROUP BY b.i, c.currency
ORDER BY b.i, c.currency
