-- Currencies of the counted conversions before {as_of}, most used first: the first is the
-- default currency of the monetary score.
SELECT currency, count() AS conversions
FROM {table:events} FINAL
WHERE site = {site:String} AND counted = 1 AND ts < {as_of:Int64}
  AND currency IS NOT NULL AND person_id IS NOT NULL
  AND session_key GLOBAL NOT IN (
    SELECT session_key FROM {table:sessions} FINAL
    WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
  )
GROUP BY currency
ORDER BY conversions DESC, currency
