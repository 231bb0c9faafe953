-- Revenue per currency of counted conversions in [@from, @to) of human sessions, grouped by the
-- value (JSON text) of their property @prop, as in property-groups.sql.
SELECT c.props -> ('$."' || @prop || '"') AS key, c.currency AS currency, ROUND(SUM(c.revenue), 4) AS amount
FROM counted_conversions c
JOIN sessions s ON s.site = c.site AND s.session_key = c.session_key
WHERE c.site = @site AND c.ts >= @from AND c.ts < @to AND s.is_bot = 0 AND s.too_long = 0
  AND c.currency IS NOT NULL AND c.revenue IS NOT NULL
  AND (c.props -> ('$."' || @prop || '"')) IS NOT NULL
  AND (c.props -> ('$."' || @prop || '"')) <> 'null'
GROUP BY 1, c.currency
