-- Headline figures of a site over [@from, @to), by the metric dictionary's definitions, humans
-- only (bot events, and sessions flagged as bots or too long, are left out):
--   page views   = page_view events in the range;
--   visitors     = distinct persons with an event in the range (a user counts once across devices);
--   sessions     = server sessions that started in the range;
--   conversions  = counted conversions (one per order) in the range;
--   conversion rate = sessions started in the range with ≥ 1 counted conversion / sessions.
-- Derived rows must be refreshed first (sqlite-store does).
WITH flagged AS (
  -- Few sessions are flagged: excluding them by key is far cheaper than joining every event.
  SELECT session_key FROM sessions WHERE site = @site AND (is_bot = 1 OR too_long = 1)
),
ev AS (
  SELECT e.event, e.person_id
  FROM events e
  WHERE e.site = @site AND e.is_bot = 0 AND e.ts >= @from AND e.ts < @to
    AND e.session_key NOT IN flagged
),
ses AS (
  SELECT session_key, conversions
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
),
conv AS (
  SELECT c.session_key
  FROM counted_conversions c
  WHERE c.site = @site AND c.ts >= @from AND c.ts < @to AND c.session_key NOT IN flagged
),
totals AS (
  SELECT
    (SELECT COUNT(*) FROM ev WHERE event = 'page_view') AS pageviews,
    (SELECT COUNT(DISTINCT person_id) FROM ev) AS visitors,
    (SELECT COUNT(*) FROM ses) AS sessions,
    (SELECT COUNT(*) FROM conv) AS conversions,
    (SELECT COUNT(*) FROM ses WHERE conversions > 0) AS converting_sessions
)
SELECT
  pageviews, visitors, sessions, conversions,
  CASE WHEN sessions = 0 THEN 0.0 ELSE CAST(converting_sessions AS REAL) / sessions END AS conversionRate
FROM totals
