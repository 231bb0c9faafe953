-- The events that may fire a trigger, as the SQLite engine's trigger-candidates.sql: human events
-- with a person matching `when` in [scan_from, due_before] that no `unless` event of the same
-- person followed within within_ms. ClickHouse has no correlated subquery, so each person's
-- `when` events and `unless` times are collected in one GROUP BY (over the Distributed table: a
-- person's devices may sit on several shards) and compared as arrays in the same SELECT level.
-- The when and unless slots are compiled conditions; unless is `0` when the trigger has none.
SELECT personId, c.1 AS ts, c.2 AS id
FROM (
  SELECT assumeNotNull(person_id) AS personId,
         groupArrayIf((ts, id), ts <= {due_before:Int64} AND is_bot = 0 AND (/*when*/)) AS whens,
         groupArrayIf(ts, /*unless*/) AS cancels,
         -- In this SELECT level: 18.16 loses columns a lambda captures across a subquery.
         arrayFilter(w -> NOT arrayExists(u -> u > w.1 AND u <= w.1 + {within_ms:Int64}, cancels), whens) AS due
  FROM {table:events} FINAL
  WHERE site = {site:String} AND person_id IS NOT NULL
    AND ts >= {scan_from:Int64} AND ts <= {due_before:Int64} + {within_ms:Int64}
  GROUP BY personId
  HAVING length(due) > 0
)
ARRAY JOIN due AS c
ORDER BY personId, ts, id
