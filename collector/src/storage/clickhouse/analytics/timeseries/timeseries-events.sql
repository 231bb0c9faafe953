-- Per bucket (see timeseries-sessions.sql for the buckets): page views and counted conversions
-- that happened in it, from human sessions only, as the SQLite statement of the same name.
-- The sessions joined are those that could hold an event of the range (start before its end,
-- last event at or after its start); each shard joins its own (sharded by visitor).
SELECT bucket, pageviews, conversions
FROM (SELECT arrayJoin(range(toUInt32({buckets:UInt32}))) AS bucket)
ANY LEFT JOIN (
  WITH arrayElement({slot_buckets:Array(UInt32)}, intDiv(ts - {from:Int64}, {slot:Int64}) + 1) AS b0
  SELECT toUInt32(b0 + (ts >= arrayElement({bounds:Array(Int64)}, b0 + 2))) AS bucket,
         countIf(event = 'page_view' AND is_bot = 0) AS pageviews,
         -- counted = 1 marks a counted conversion (humans only, one per order), as the SQLite view.
         countIf(counted = 1) AS conversions
  FROM {table:events} FINAL
  ANY INNER JOIN (
    SELECT session_key
    FROM {table:sessions} FINAL
    WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
      AND start_ts < {to:Int64} AND end_ts >= {from:Int64}
  ) USING session_key
  WHERE site = {site:String} AND ts >= {from:Int64} AND ts < {to:Int64}
    AND (event = 'page_view' OR counted = 1)
  GROUP BY bucket
) USING bucket
ORDER BY bucket
SETTINGS distributed_product_mode = 'local'
