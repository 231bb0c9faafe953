-- Distinct (source, campaign) pairs, lowercased, of human sessions that started in
-- [@from, @to): cost rows whose pair is not among them bought no traffic Maidian saw.
SELECT DISTINCT lower(source) AS source, lower(COALESCE(campaign, '')) AS campaign
FROM sessions
WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
