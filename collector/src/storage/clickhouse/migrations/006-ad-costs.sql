-- Ad spend per day and campaign, imported from ad platforms (CSV or JSON), with the columns of
-- SQLite's ad_costs. One row per site, day (site time zone), source, medium and campaign:
-- importing the same day again writes the row anew with a higher `version` (the import time),
-- and ReplacingMergeTree keeps the newest, so every read is `ad_costs FINAL`. Source, medium and
-- campaign are stored trimmed and lowercased, because reports match them case-insensitively
-- against the utm values of visits. Small and read per site: not partitioned, and on a cluster
-- all of a site's rows live on one shard, where FINAL can collapse them.
CREATE TABLE IF NOT EXISTS {table:ad_costs} (
  site String,
  date String,
  source String,
  medium String,
  campaign String,
  cost Float64,
  currency String,
  impressions Nullable(Int64),
  clicks Nullable(Int64),
  imported_at Int64,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (site, date, source, medium, campaign)
