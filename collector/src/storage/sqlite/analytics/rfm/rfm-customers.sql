-- One row per person with a counted conversion (humans only, one per order) before @as_of:
-- the last conversion's time, the number of conversions (any currency) and the revenue in
-- @currency (conversions in other currencies add nothing: amounts of different currencies are
-- never added). Conversions in sessions flagged as bots or too long are left out.
SELECT c.person_id AS id,
       max(c.ts) AS lastConversionTs,
       count(*) AS frequency,
       coalesce(sum(CASE WHEN c.currency = @currency THEN c.revenue END), 0) AS monetary
FROM counted_conversions c
WHERE c.site = @site
  AND c.ts < @as_of
  AND c.person_id IS NOT NULL
  AND c.session_key NOT IN (
    SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
  )
GROUP BY c.person_id
ORDER BY c.person_id
