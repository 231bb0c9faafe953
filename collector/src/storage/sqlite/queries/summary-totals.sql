-- Headline figures of a site over [@from, @to), bots excluded.
-- visitors = distinct anonymous ids; sessions = distinct client session ids;
-- conversion rate = sessions with at least one counted conversion / sessions.
WITH ev AS (
  SELECT event, anonymous_id, session_id
  FROM events
  WHERE site = @site AND is_bot = 0 AND ts >= @from AND ts < @to
),
conv AS (
  SELECT session_id
  FROM counted_conversions
  WHERE site = @site AND ts >= @from AND ts < @to
),
totals AS (
  SELECT
    (SELECT COUNT(*) FROM ev WHERE event = 'page_view') AS pageviews,
    (SELECT COUNT(DISTINCT anonymous_id) FROM ev) AS visitors,
    (SELECT COUNT(DISTINCT session_id) FROM ev) AS sessions,
    (SELECT COUNT(*) FROM conv) AS conversions,
    (SELECT COUNT(DISTINCT session_id) FROM conv) AS converting_sessions
)
SELECT
  pageviews, visitors, sessions, conversions,
  CASE WHEN sessions = 0 THEN 0.0 ELSE CAST(converting_sessions AS REAL) / sessions END AS conversionRate
FROM totals
