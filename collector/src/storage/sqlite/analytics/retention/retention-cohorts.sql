-- Cohort sizes and returns of a retention table, in one pass.
--   @bounds       JSON array of period start instants in the site time zone, ascending; the last
--                 entry ends the last period. Periods 0 … @cohorts − 1 hold cohorts; the rest only
--                 returns.
--   @cohort       'first_visit': the person's first event ever; 'signup': their first
--                 @signup_event event ever. A person first seen before the first period is in
--                 no cohort.
--   @return_event the event that counts as a return; NULL: any event.
-- Rows: (cohort, k, persons) with k NULL for the cohort size, else the persons of the cohort with
-- a return in period cohort + k (k = 0 … @periods − 1). Bots and flagged sessions are left out.
WITH bounds AS (
  SELECT CAST(key AS INTEGER) AS i, value AS start, lead(value) OVER (ORDER BY key) AS stop
  FROM json_each(@bounds)
),
flagged AS (
  SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
),
firsts AS (
  SELECT e.person_id, min(e.ts) AS first_ts
  FROM events e
  WHERE e.site = @site AND e.is_bot = 0 AND e.person_id IS NOT NULL
    AND e.session_key NOT IN flagged
    AND (@cohort = 'first_visit' OR e.event = @signup_event)
  GROUP BY e.person_id
),
members AS (
  SELECT f.person_id, b.i AS cohort
  FROM firsts f JOIN bounds b ON f.first_ts >= b.start AND f.first_ts < b.stop
  WHERE b.i < @cohorts
),
-- Periods outer, events inner: each period is one range scan of the (site, ts) index.
returns AS (
  SELECT DISTINCT e.person_id, b.i AS period
  FROM bounds b CROSS JOIN events e
  WHERE b.stop IS NOT NULL
    AND e.site = @site AND e.ts >= b.start AND e.ts < b.stop
    AND e.is_bot = 0
    AND (@return_event IS NULL OR e.event = @return_event)
    AND e.session_key NOT IN flagged
    AND e.person_id IN (SELECT person_id FROM members)
)
SELECT cohort, NULL AS k, count(*) AS persons FROM members GROUP BY cohort
UNION ALL
SELECT m.cohort, r.period - m.cohort AS k, count(*) AS persons
FROM members m JOIN returns r ON r.person_id = m.person_id
WHERE r.period >= m.cohort AND r.period < m.cohort + @periods
GROUP BY m.cohort, k
