-- Marketing campaigns and their reviews (活动复盘).

-- A campaign: the utm_campaign values that make it up, its dates, budget and goals, as the JSON
-- the API accepted (see collector/src/campaigns/campaign-schema.ts).
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  end_at INTEGER NOT NULL,            -- epoch ms when the campaign's last day ends (site time zone)
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX campaigns_site_end ON campaigns (site, end_at);

-- Reviews are never overwritten: each generation is a new version.
CREATE TABLE campaign_reviews (
  campaign_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  trigger TEXT NOT NULL,              -- ended (the scheduled check) | on_demand
  json TEXT NOT NULL,
  PRIMARY KEY (campaign_id, version)
) WITHOUT ROWID;
