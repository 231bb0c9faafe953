-- Revenue per currency of the counted conversions in the sessions of creative-groups.sql,
-- grouped the same way, rounded to 4 decimals like the breakdown report.
WITH s AS (
  SELECT session_key, COALESCE(NULLIF(content, ''), '(not set)') AS grp
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
    AND campaign IN (SELECT value FROM json_each(@campaigns))
)
SELECT s.grp AS content, c.currency AS currency, ROUND(SUM(c.revenue), 4) AS amount
FROM s JOIN counted_conversions c ON c.site = @site AND c.session_key = s.session_key AND c.ts >= @from
WHERE c.currency IS NOT NULL AND c.revenue IS NOT NULL
GROUP BY s.grp, c.currency
