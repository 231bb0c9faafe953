-- Which of the persons in @person_ids (JSON array) have a counted conversion (humans only, one
-- per order: the counted_conversions view) in [@from, @to), of goal @goal when it is not NULL.
-- One lookup per listed person on the (site, person_id, ts) index; DISTINCT because a list may
-- name a person twice.
SELECT p.value AS person_id
FROM (SELECT DISTINCT value FROM json_each(@person_ids)) AS p
WHERE EXISTS (
  SELECT 1 FROM counted_conversions cc
  WHERE cc.site = @site AND cc.person_id = p.value AND cc.ts >= @from AND cc.ts < @to
    AND (@goal IS NULL OR cc.goal = @goal)
)
ORDER BY p.value
