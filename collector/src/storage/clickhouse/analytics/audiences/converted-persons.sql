-- Which of the persons in {person_ids} have a counted conversion in [{from}, {to}), of goal
-- {goal} when it is not NULL: `counted`, set by the refresh as SQLite's counted_conversions view
-- (humans only, one per order). Flagged sessions are not left out, as the view does not.
-- A person's conversions may sit on several shards (one per device); the Distributed table
-- merges the per-person GROUP BY across them.
SELECT person
FROM (
  SELECT assumeNotNull(person_id) AS person
  FROM {table:events} FINAL
  WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64} AND ts < {to:Int64}
    AND person_id IN {person_ids:Array(String)}
    -- ifNull keeps the condition UInt8: goal = NULL is NULL.
    AND ({goal:Nullable(String)} IS NULL OR ifNull(goal = {goal:Nullable(String)}, 0))
  GROUP BY person
)
ORDER BY person
