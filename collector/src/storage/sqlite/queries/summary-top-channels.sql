-- Sessions per channel over [@from, @to), bots excluded. A session belongs to the channel of its
-- first event in the range (entry attribution): later internal or payment-provider referrers
-- inside the session never re-attribute it.
WITH ev AS (
  SELECT seq, ts, anonymous_id, session_id, channel
  FROM events
  WHERE site = @site AND is_bot = 0 AND ts >= @from AND ts < @to
),
ranked AS (
  SELECT session_id, anonymous_id, channel,
         ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY ts, seq) AS n
  FROM ev
),
sessions AS (
  SELECT session_id, anonymous_id, channel FROM ranked WHERE n = 1
),
conv AS (
  SELECT session_id, COUNT(*) AS conversions
  FROM counted_conversions
  WHERE site = @site AND ts >= @from AND ts < @to
  GROUP BY session_id
)
SELECT s.channel AS channel,
       COUNT(*) AS sessions,
       COUNT(DISTINCT s.anonymous_id) AS visitors,
       COALESCE(SUM(c.conversions), 0) AS conversions
FROM sessions s
LEFT JOIN conv c ON c.session_id = s.session_id
GROUP BY s.channel
ORDER BY sessions DESC, conversions DESC, channel
LIMIT @limit
