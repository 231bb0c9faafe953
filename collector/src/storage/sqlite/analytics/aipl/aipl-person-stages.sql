-- AIPL: the stage of each person active in [@from, @to): the highest their behaviour reaches.
-- Shared by the AIPL report (counted per stage) and the AIPL value tag (stored per person).
-- The thresholds and event lists are parameters (the rules are data, see aipl-rules.ts):
--   loyalty    ≥ @loyal_conversions counted conversions in the range, or counted conversions in
--              ≥ @loyal_months distinct calendar months (site time zone, @month_bounds) from
--              @lookback_start to @to
--   purchase   ≥ @purchase_conversions counted conversions in the range
--   interest   an event of @interest_events (JSON array) in the range, or ≥ @interest_sessions sessions
--   awareness  an event of @awareness_events in the range
--   none       active, but none of the above (e.g. only an identify call)
-- Bots and flagged sessions (bot, too long) are left out.
WITH flagged AS (
  SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
),
months AS (
  SELECT CAST(key AS INTEGER) AS i, value AS start, lead(value) OVER (ORDER BY key) AS stop
  FROM json_each(@month_bounds)
),
active AS (
  SELECT e.person_id,
         max(e.event IN (SELECT value FROM json_each(@awareness_events))) AS aware,
         max(e.event IN (SELECT value FROM json_each(@interest_events))) AS engaged,
         count(DISTINCT e.session_key) AS sessions
  FROM events e
  WHERE e.site = @site AND e.ts >= @from AND e.ts < @to
    AND e.is_bot = 0 AND e.person_id IS NOT NULL
    AND e.session_key NOT IN flagged
  GROUP BY e.person_id
),
bought AS (
  SELECT c.person_id,
         sum(c.ts >= @from) AS in_range,
         count(DISTINCT m.i) AS months
  FROM counted_conversions c JOIN months m ON c.ts >= m.start AND c.ts < m.stop
  WHERE c.site = @site AND c.ts >= @lookback_start AND c.ts < @to
    AND c.person_id IS NOT NULL
    AND c.session_key NOT IN flagged
  GROUP BY c.person_id
)
SELECT a.person_id,
       CASE
         WHEN coalesce(b.in_range, 0) >= @loyal_conversions OR coalesce(b.months, 0) >= @loyal_months THEN 'loyalty'
         WHEN coalesce(b.in_range, 0) >= @purchase_conversions THEN 'purchase'
         WHEN a.engaged = 1 OR a.sessions >= @interest_sessions THEN 'interest'
         WHEN a.aware = 1 THEN 'awareness'
         ELSE 'none'
       END AS stage
FROM active a LEFT JOIN bought b ON b.person_id = a.person_id
