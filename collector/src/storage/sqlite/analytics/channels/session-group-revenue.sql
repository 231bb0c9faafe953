-- Revenue per currency of the counted conversions in the sessions that started in
-- [@from, @to), grouped like session-groups.sql (same @dim, same key expression).
-- Rounded to 4 decimals (no currency has more minor units) to drop binary float noise.
WITH s AS (
  SELECT session_key,
         COALESCE(NULLIF(CASE @dim
           WHEN 'channel' THEN channel
           WHEN 'source_medium' THEN source || ' / ' || medium
           WHEN 'campaign' THEN COALESCE(NULLIF(campaign, ''), CASE WHEN source = '(direct)' THEN '(direct)' END)
           WHEN 'device_type' THEN device_type
           WHEN 'browser' THEN browser
           WHEN 'os' THEN os
           WHEN 'landing_page' THEN landing_path
         END, ''), '(not set)') AS grp
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
)
SELECT s.grp AS key, c.currency AS currency, ROUND(SUM(c.revenue), 4) AS amount
FROM s JOIN counted_conversions c ON c.site = @site AND c.session_key = s.session_key AND c.ts >= @from
WHERE c.currency IS NOT NULL AND c.revenue IS NOT NULL
GROUP BY s.grp, c.currency
