-- Sessions that started in [{from}, {to}) per entry channel, humans only, with their distinct
-- persons and their counted conversions.
SELECT channel, count() AS sessions, uniqExact(person_id) AS visitors, sum(conversions) AS conversions
FROM {table:sessions} FINAL
WHERE site = {site:String} AND deleted = 0 AND start_ts >= {from:Int64} AND start_ts < {to:Int64}
  AND is_bot = 0 AND too_long = 0
GROUP BY channel
ORDER BY sessions DESC, conversions DESC, channel
LIMIT {limit:UInt32}
