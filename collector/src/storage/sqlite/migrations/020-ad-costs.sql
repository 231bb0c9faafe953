-- Ad spend per day and campaign, imported from ad platforms (CSV or JSON). One row per site, day
-- (site time zone), source, medium and campaign: importing the same day again replaces it, so a
-- corrected export can simply be re-imported. Source, medium and campaign are stored trimmed and
-- lowercased, because reports match them case-insensitively against the utm values of visits.
CREATE TABLE ad_costs (
  site TEXT NOT NULL,
  date TEXT NOT NULL,                 -- YYYY-MM-DD in the site time zone
  source TEXT NOT NULL,               -- utm_source the ads send, e.g. baidu
  medium TEXT NOT NULL,               -- utm_medium, e.g. cpc ('' when the export has none)
  campaign TEXT NOT NULL,             -- utm_campaign
  cost REAL NOT NULL,                 -- spend in `currency`
  currency TEXT NOT NULL,             -- ISO 4217 code
  impressions INTEGER,                -- NULL when the platform does not report it
  clicks INTEGER,
  imported_at INTEGER NOT NULL,       -- epoch ms of the import that wrote the row
  PRIMARY KEY (site, date, source, medium, campaign)
) WITHOUT ROWID;
CREATE INDEX ad_costs_site_source_campaign ON ad_costs (site, source, campaign, date);
