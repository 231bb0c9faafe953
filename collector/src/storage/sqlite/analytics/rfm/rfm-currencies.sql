-- Currencies of the counted conversions before @as_of, most used first: the first is the
-- default currency of the monetary score.
SELECT c.currency AS currency, count(*) AS conversions
FROM counted_conversions c
WHERE c.site = @site AND c.ts < @as_of AND c.currency IS NOT NULL AND c.person_id IS NOT NULL
  AND c.session_key NOT IN (
    SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
  )
GROUP BY c.currency
ORDER BY conversions DESC, currency
