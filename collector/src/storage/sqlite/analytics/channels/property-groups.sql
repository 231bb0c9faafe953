-- Events in [@from, @to) of human sessions, grouped by the value of their property @prop
-- (a name checked against the dictionary's NAME pattern, bound as a parameter: the JSON path
-- is built from it with the name quoted, so `plan.tier` is one key, not a nested path).
-- The value comes back as JSON text ("pro", 3, true) so the caller keeps its type.
-- Events without the property are left out.
WITH e AS (
  SELECT ev.event, ev.person_id, ev.session_key, s.engaged, ev.props -> ('$."' || @prop || '"') AS value
  FROM events ev
  JOIN sessions s ON s.site = ev.site AND s.session_key = ev.session_key
  WHERE ev.site = @site AND ev.ts >= @from AND ev.ts < @to AND ev.is_bot = 0
    AND s.is_bot = 0 AND s.too_long = 0
),
conv AS (
  SELECT c.props -> ('$."' || @prop || '"') AS value, COUNT(*) AS n
  FROM counted_conversions c
  JOIN sessions s ON s.site = c.site AND s.session_key = c.session_key
  WHERE c.site = @site AND c.ts >= @from AND c.ts < @to AND s.is_bot = 0 AND s.too_long = 0
  GROUP BY 1
),
grouped AS (
  SELECT value,
         COUNT(DISTINCT session_key) AS sessions,
         COUNT(DISTINCT person_id) AS users,
         SUM(event = 'page_view') AS pageviews,
         COUNT(DISTINCT CASE WHEN engaged = 1 THEN session_key END) AS engaged_sessions,
         COUNT(DISTINCT CASE WHEN event = 'conversion' THEN session_key END) AS converting_sessions
  FROM e
  WHERE value IS NOT NULL AND value <> 'null'
  GROUP BY value
)
SELECT g.value AS key, g.sessions, g.users, g.pageviews, g.engaged_sessions,
       COALESCE(conv.n, 0) AS conversions, g.converting_sessions
FROM grouped g LEFT JOIN conv ON conv.value = g.value
