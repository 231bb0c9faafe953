-- Revenue per currency of counted conversions in [{from}, {to}) of human sessions, grouped by the
-- value (JSON text) of their property {prop}, as in property-groups.sql (which explains the
-- property lookup and the join). Rounded to 4 decimals to drop binary float noise.
SELECT visitParamExtractRaw(props, {prop:String}) AS key, assumeNotNull(currency) AS currency, round(sum(assumeNotNull(revenue)), 4) AS amount
FROM {table:events} FINAL
ANY INNER JOIN (
  SELECT session_key
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
    AND start_ts < {to:Int64} AND end_ts >= {from:Int64}
) USING session_key
WHERE site = {site:String} AND ts >= {from:Int64} AND ts < {to:Int64} AND counted = 1
  AND currency IS NOT NULL AND revenue IS NOT NULL
  AND key NOT IN ('', 'null')
GROUP BY key, currency
SETTINGS distributed_product_mode = 'local'
