-- Lifetime revenue band: the sum of a person's counted conversions (humans, one per order) in
-- {currency} before {now}, banded: {band_mins} ascending with their {band_ids}, the band is the
-- one with the highest min ≤ revenue (the count of mins ≤ revenue indexes it). Persons without
-- an amount in that currency get no band. Revenue is summed with compensation, as SQLite's
-- sum() is: the amounts are gathered per person and summed by arrayReduce on the node that
-- merges (18.16 breaks the connection when a shard sends sumKahan states). The band is taken in
-- the same SELECT as the sum: on 18.16 a lambda loses a column from a subquery ("Unknown
-- identifier"). Conversions in flagged sessions are left out.
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, person, {band_ids:Array(String)}[band], {now:Int64}
FROM (
  SELECT assumeNotNull(person_id) AS person,
         countIf(revenue IS NOT NULL) AS amounts,
         arrayReduce('sumKahan', groupArrayIf(assumeNotNull(revenue), revenue IS NOT NULL)) AS revenue_sum,
         arrayCount(m -> m <= revenue_sum, {band_mins:Array(Float64)}) AS band
  FROM {table:events} FINAL
  WHERE site = {site:String} AND counted = 1 AND currency = {currency:String} AND ts < {now:Int64}
    AND person_id IS NOT NULL
    AND session_key GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
    )
  GROUP BY person
)
WHERE amounts > 0 AND band > 0
