-- Sessions that started in [@from, @to) per entry channel (the channel of the session's first
-- event: later internal or payment-provider referrers never re-attribute it), humans only, with
-- their distinct persons and their counted conversions.
SELECT s.channel AS channel,
       COUNT(*) AS sessions,
       COUNT(DISTINCT s.person_id) AS visitors,
       COALESCE(SUM(s.conversions), 0) AS conversions
FROM sessions s
WHERE s.site = @site AND s.start_ts >= @from AND s.start_ts < @to AND s.is_bot = 0 AND s.too_long = 0
GROUP BY s.channel
ORDER BY sessions DESC, conversions DESC, channel
LIMIT @limit
