-- Spend per source, campaign, medium and currency over the days [{from_date}, {to_date}]
-- (YYYY-MM-DD, both included). Currencies are never added together. FINAL: a re-imported day
-- counts once, with its newest row. Impressions and clicks stay NULL when no row reports them.
SELECT source, campaign, medium, currency,
       sum(cost) AS cost,
       sum(impressions) AS impressions,
       sum(clicks) AS clicks
FROM {table:ad_costs} FINAL
WHERE site = {site:String} AND date >= {from_date:String} AND date <= {to_date:String}
GROUP BY source, campaign, medium, currency
ORDER BY source, campaign, medium, currency
