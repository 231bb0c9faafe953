-- Per bucket: human sessions that started in it, their distinct persons, and how many of them
-- had a counted conversion, as the SQLite statement of the same name. The buckets are cut by the
-- caller in the site time zone (DST-correct) and given as {bounds} with a slot table to find a
-- row's bucket ({slot}, {slot_buckets}: see bucket-slots.ts); every bucket comes back, empty
-- ones with 0.
-- Sessions and events are both sharded by visitor, so a session's conversions sit on its shard:
-- on a cluster each shard looks in its own events (distributed_product_mode = 'local').
SELECT bucket, sessions, users, converting_sessions
FROM (SELECT arrayJoin(range(toUInt32({buckets:UInt32}))) AS bucket)
ANY LEFT JOIN (
  WITH arrayElement({slot_buckets:Array(UInt32)}, intDiv(start_ts - {from:Int64}, {slot:Int64}) + 1) AS b0
  SELECT toUInt32(b0 + (start_ts >= arrayElement({bounds:Array(Int64)}, b0 + 2))) AS bucket,
         count() AS sessions,
         uniqExact(person_id) AS users,
         -- A session's conversions come after its start, so conversions from {from} on suffice.
         countIf(session_key IN (
           SELECT assumeNotNull(session_key)
           FROM {table:events} FINAL
           WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64} AND session_key IS NOT NULL
         )) AS converting_sessions
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND start_ts >= {from:Int64} AND start_ts < {to:Int64}
    AND is_bot = 0 AND too_long = 0
  GROUP BY bucket
) USING bucket
ORDER BY bucket
SETTINGS distributed_product_mode = 'local'
