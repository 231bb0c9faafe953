-- Spend per source, campaign, medium and currency over the days [@from_date, @to_date]
-- (YYYY-MM-DD, both included). Currencies are never added together.
SELECT source, campaign, medium, currency,
       SUM(cost) AS cost,
       SUM(impressions) AS impressions,
       SUM(clicks) AS clicks
FROM ad_costs
WHERE site = @site AND date >= @from_date AND date <= @to_date
GROUP BY source, campaign, medium, currency
ORDER BY source, campaign, medium, currency
