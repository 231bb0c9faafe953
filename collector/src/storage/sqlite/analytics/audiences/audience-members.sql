-- The persons an audience expression selects now. A template: the predicate slot is the compiled
-- expression (compile-expression.ts) over `p.person_id`, made of operators, column names and
-- @parameter names only (values are always bound). The universe is every person with a human,
-- unflagged session: NOT selects from it.
WITH universe AS (
  SELECT DISTINCT s.person_id FROM sessions s
  WHERE s.site = @site AND s.is_bot = 0 AND s.too_long = 0
)
SELECT p.person_id AS personId
FROM universe p
WHERE /*predicate*/
ORDER BY p.person_id
