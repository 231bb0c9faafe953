-- Server sessions, derived from events per visitor by the refresh (same definitions as the
-- SQLite engine's `sessions` table). A refresh writes the visitor's sessions with a new version
-- and a tombstone (`deleted = 1`) for each earlier session that no longer exists (a late event
-- can join two sessions). Not partitioned: a session's start can move to another month when an
-- earlier event arrives late, and FINAL only collapses rows within one partition.
CREATE TABLE IF NOT EXISTS {table:sessions} (
  site String,
  session_key String,
  anonymous_id String,
  person_id String,
  start_ts Int64,
  end_ts Int64,
  events UInt32,
  pageviews UInt32,
  conversions UInt32,
  landing_path Nullable(String),
  source String,
  medium String,
  campaign Nullable(String),
  content Nullable(String),
  term Nullable(String),
  channel String,
  lnd_source String,
  lnd_medium String,
  lnd_campaign Nullable(String),
  lnd_channel String,
  device_type Nullable(String),
  browser Nullable(String),
  os Nullable(String),
  platform Nullable(String),
  engaged UInt8,
  is_bot UInt8,
  too_long UInt8,
  deleted UInt8,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (site, anonymous_id, session_key)
