-- Revenue per currency of the counted conversions in [{from}, {to}), humans only; currencies are
-- never added together. Rounded to 4 decimals, as the SQLite engine does.
SELECT assumeNotNull(currency) AS currency, round(sum(revenue), 4) AS amount
FROM {table:events} FINAL
WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64} AND ts < {to:Int64} AND currency IS NOT NULL
  AND ifNull(session_key, '') GLOBAL NOT IN (
    SELECT session_key FROM {table:sessions} FINAL
    WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1))
GROUP BY currency
ORDER BY currency
