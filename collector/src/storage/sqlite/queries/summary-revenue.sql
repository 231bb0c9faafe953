-- Revenue per currency of the counted conversions in [@from, @to), humans only; currencies are
-- never added together. Rounded to 4 decimals (no currency has more minor units) to drop binary
-- float noise.
SELECT c.currency, ROUND(SUM(c.revenue), 4) AS amount
FROM counted_conversions c
JOIN sessions s ON s.site = c.site AND s.session_key = c.session_key
WHERE c.site = @site AND c.ts >= @from AND c.ts < @to AND c.currency IS NOT NULL
  AND s.is_bot = 0 AND s.too_long = 0
GROUP BY c.currency
ORDER BY c.currency
