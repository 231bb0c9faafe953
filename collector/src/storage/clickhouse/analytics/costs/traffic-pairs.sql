-- Distinct (source, campaign) pairs, lowercased, of human sessions that started in
-- [{from}, {to}): cost rows whose pair is not among them bought no traffic Maidian saw.
SELECT DISTINCT lower(source) AS source, lower(ifNull(campaign, '')) AS campaign
FROM {table:sessions} FINAL
WHERE site = {site:String} AND deleted = 0 AND start_ts >= {from:Int64} AND start_ts < {to:Int64}
  AND is_bot = 0 AND too_long = 0
