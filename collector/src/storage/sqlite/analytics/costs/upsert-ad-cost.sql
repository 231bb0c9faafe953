-- Stores one day of spend for a campaign; importing the same site, day, source, medium and
-- campaign again replaces the row (a corrected export is simply re-imported).
INSERT INTO ad_costs (site, date, source, medium, campaign, cost, currency, impressions, clicks, imported_at)
VALUES (@site, @date, @source, @medium, @campaign, @cost, @currency, @impressions, @clicks, @imported_at)
ON CONFLICT (site, date, source, medium, campaign) DO UPDATE SET
  cost = excluded.cost,
  currency = excluded.currency,
  impressions = excluded.impressions,
  clicks = excluded.clicks,
  imported_at = excluded.imported_at
