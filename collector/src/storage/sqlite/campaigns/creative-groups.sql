-- Sessions of a campaign's utm_campaign values (@campaigns: JSON array) that started in
-- [@from, @to), humans only, grouped by utm_content (the creative). Same session population and
-- conversion counting as the breakdown report (analytics/channels/session-groups.sql).
WITH s AS (
  SELECT session_key, person_id, COALESCE(NULLIF(content, ''), '(not set)') AS grp
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
    AND campaign IN (SELECT value FROM json_each(@campaigns))
),
conv AS (
  SELECT c.session_key, COUNT(*) AS n
  FROM counted_conversions c
  WHERE c.site = @site AND c.ts >= @from AND c.session_key IN (SELECT session_key FROM s)
  GROUP BY c.session_key
)
SELECT s.grp AS content,
       COUNT(*) AS sessions,
       COUNT(DISTINCT s.person_id) AS users,
       COALESCE(SUM(conv.n), 0) AS conversions,
       COUNT(conv.session_key) AS converting_sessions
FROM s LEFT JOIN conv ON conv.session_key = s.session_key
GROUP BY s.grp
ORDER BY sessions DESC, content
