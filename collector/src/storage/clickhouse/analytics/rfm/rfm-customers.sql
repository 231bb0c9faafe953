-- One row per person with a counted conversion (humans only, one per order) before {as_of}:
-- the last conversion's time, the number of conversions (any currency) and the revenue in
-- {currency} (conversions in other currencies add nothing: amounts of different currencies are
-- never added). Conversions in sessions flagged as bots or too long are left out.
-- Revenue is summed with compensation (sumKahan), as SQLite's sum() is since 3.43: customers
-- whose orders add up to the same amount must tie, or their monetary quintiles could differ. The
-- amounts are gathered per person and summed by arrayReduce on the node that merges: 18.16 breaks
-- the connection (and may crash) when a shard sends sumKahan states. ifNull keeps the condition
-- UInt8 when {currency} is NULL; a Nullable(Nothing) condition also breaks the exchange.
-- A person's conversions may sit on several shards (one per device); the Distributed table
-- merges the per-person GROUP BY across them.
-- (The outer query names the person `id` only after grouping: events has a column of that name.)
SELECT person AS id, lastConversionTs, frequency, monetary
FROM (
  SELECT assumeNotNull(person_id) AS person,
         max(ts) AS lastConversionTs,
         count() AS frequency,
         arrayReduce('sumKahan', groupArrayIf(assumeNotNull(revenue),
           ifNull(currency = {currency:Nullable(String)}, 0) AND revenue IS NOT NULL)) AS monetary
  FROM {table:events} FINAL
  WHERE site = {site:String} AND counted = 1 AND ts < {as_of:Int64}
    AND person_id IS NOT NULL
    AND session_key GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
    )
  GROUP BY person
)
ORDER BY id
