-- Most viewed paths over [@from, @to), bots excluded.
SELECT path, COUNT(*) AS pageviews, COUNT(DISTINCT anonymous_id) AS visitors
FROM events
WHERE site = @site AND is_bot = 0 AND event = 'page_view' AND ts >= @from AND ts < @to
  AND path IS NOT NULL
GROUP BY path
ORDER BY pageviews DESC, visitors DESC, path
LIMIT @limit
