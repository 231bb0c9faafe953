-- The persons an audience expression selects now, in byte order of their ids (SQLite's BINARY
-- order). A template: the predicate slot is the compiled expression (compile-expression.ts) over
-- `person_id`, made of operators, column names, subqueries and typed placeholders only (values
-- are always bound). The universe is every person with a human, unflagged session: NOT selects
-- from it. A person's sessions may sit on several shards (one per device): the universe is
-- grouped through the Distributed table, and the predicate runs on the initiating server over
-- that one list, its subqueries reading the Distributed tables whole.
SELECT person_id AS personId
FROM (
  SELECT person_id
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
  GROUP BY person_id
)
WHERE /*predicate*/
ORDER BY person_id
