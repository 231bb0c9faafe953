-- Per bucket and currency (see timeseries-sessions.sql for the buckets): revenue of the counted
-- conversions that happened in it, from human sessions, as the SQLite statement of the same name.
-- Currencies are never added together; rounded to 4 decimals to drop binary float noise. Each
-- shard joins its own sessions (sharded by visitor).
WITH arrayElement({slot_buckets:Array(UInt32)}, intDiv(ts - {from:Int64}, {slot:Int64}) + 1) AS b0
SELECT toUInt32(b0 + (ts >= arrayElement({bounds:Array(Int64)}, b0 + 2))) AS bucket,
       assumeNotNull(currency) AS currency,
       round(sum(assumeNotNull(revenue)), 4) AS amount
FROM {table:events} FINAL
ANY INNER JOIN (
  SELECT session_key
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
    AND start_ts < {to:Int64} AND end_ts >= {from:Int64}
) USING session_key
WHERE site = {site:String} AND ts >= {from:Int64} AND ts < {to:Int64} AND counted = 1
  AND currency IS NOT NULL AND revenue IS NOT NULL
GROUP BY bucket, currency
ORDER BY bucket, currency
SETTINGS distributed_product_mode = 'local'
