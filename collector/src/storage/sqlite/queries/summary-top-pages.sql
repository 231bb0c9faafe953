-- Most viewed paths over [@from, @to), humans only; visitors are distinct persons.
WITH flagged AS (
  SELECT session_key FROM sessions WHERE site = @site AND (is_bot = 1 OR too_long = 1)
)
SELECT e.path, COUNT(*) AS pageviews, COUNT(DISTINCT e.person_id) AS visitors
FROM events e
WHERE e.site = @site AND e.is_bot = 0 AND e.event = 'page_view' AND e.ts >= @from AND e.ts < @to
  AND e.path IS NOT NULL AND e.session_key NOT IN flagged
GROUP BY e.path
ORDER BY pageviews DESC, visitors DESC, e.path
LIMIT @limit
