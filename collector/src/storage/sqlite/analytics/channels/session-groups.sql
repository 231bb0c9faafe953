-- Sessions that started in [@from, @to), humans only (no bot event, not longer than the bot
-- limit), grouped by a session dimension @dim. A session is grouped by its entry attribution
-- (the source of its first event), so later internal referrers never move it. Page views and
-- conversions are those of the grouped sessions, whenever in the session they happened.
-- @dim is one of the fixed names below (checked by the caller); no text is ever spliced in.
WITH s AS (
  SELECT session_key, person_id, pageviews,
         COALESCE(NULLIF(CASE @dim
           WHEN 'channel' THEN channel
           WHEN 'source_medium' THEN source || ' / ' || medium
           WHEN 'campaign' THEN COALESCE(NULLIF(campaign, ''), CASE WHEN source = '(direct)' THEN '(direct)' END)
           WHEN 'device_type' THEN device_type
           WHEN 'browser' THEN browser
           WHEN 'os' THEN os
           WHEN 'landing_page' THEN landing_path
         END, ''), '(not set)') AS grp
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
),
conv AS (
  SELECT c.session_key, COUNT(*) AS n
  FROM counted_conversions c
  -- A session's conversions happen after it started, so `ts >= @from` lets the time index help.
  WHERE c.site = @site AND c.ts >= @from AND c.session_key IN (SELECT session_key FROM s)
  GROUP BY c.session_key
)
SELECT s.grp AS key,
       COUNT(*) AS sessions,
       COUNT(DISTINCT s.person_id) AS users,
       SUM(s.pageviews) AS pageviews,
       COALESCE(SUM(conv.n), 0) AS conversions,
       COUNT(conv.session_key) AS converting_sessions
FROM s LEFT JOIN conv ON conv.session_key = s.session_key
GROUP BY s.grp
