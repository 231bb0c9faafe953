-- Revenue per currency over [@from, @to); currencies are never added together.
-- Rounded to 4 decimals (no currency has more minor units) to drop binary float noise.
SELECT currency, ROUND(SUM(revenue), 4) AS amount
FROM counted_conversions
WHERE site = @site AND ts >= @from AND ts < @to AND currency IS NOT NULL
GROUP BY currency
ORDER BY currency
