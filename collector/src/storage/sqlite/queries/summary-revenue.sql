-- Revenue per currency of the counted conversions in [@from, @to), humans only; currencies are
-- never added together. Rounded to 4 decimals (no currency has more minor units) to drop binary
-- float noise.
WITH flagged AS (
  SELECT session_key FROM sessions WHERE site = @site AND (is_bot = 1 OR too_long = 1)
)
SELECT c.currency, ROUND(SUM(c.revenue), 4) AS amount
FROM counted_conversions c
WHERE c.site = @site AND c.ts >= @from AND c.ts < @to AND c.currency IS NOT NULL
  AND c.session_key NOT IN flagged
GROUP BY c.currency
ORDER BY c.currency
