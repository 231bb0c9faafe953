-- Most viewed paths over [@from, @to), humans only; visitors are distinct persons.
SELECT e.path, COUNT(*) AS pageviews, COUNT(DISTINCT e.person_id) AS visitors
FROM events e
JOIN sessions s ON s.site = e.site AND s.session_key = e.session_key
WHERE e.site = @site AND e.is_bot = 0 AND e.event = 'page_view' AND e.ts >= @from AND e.ts < @to
  AND e.path IS NOT NULL AND s.is_bot = 0 AND s.too_long = 0
GROUP BY e.path
ORDER BY pageviews DESC, visitors DESC, e.path
LIMIT @limit
