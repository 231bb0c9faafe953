-- Events, one row per (site, anonymous id, event id). The refresh of derived data re-inserts a
-- visitor's events with their person and server session set and a higher `version`;
-- ReplacingMergeTree keeps the highest version, and a retried event (same key) collapses into one
-- row. Merges are eventual, so every report reads `events FINAL`.
-- Partitioned by the month of the client's own timestamp: a retry carries the same client_ts, so
-- both copies land in the same partition (FINAL only collapses within one). The sort key groups a
-- visitor's events, which is how sessions and persons are derived.
CREATE TABLE IF NOT EXISTS {table:events} (
  site String,
  id String,
  event String,
  ts Int64,
  client_ts Int64,
  received_at Int64,
  anonymous_id String,
  user_id Nullable(String),
  session_id String,
  session_start UInt8,
  platform String,
  url Nullable(String),
  path Nullable(String),
  title Nullable(String),
  referrer Nullable(String),
  referrer_host Nullable(String),
  utm_source Nullable(String),
  utm_medium Nullable(String),
  utm_campaign Nullable(String),
  utm_term Nullable(String),
  utm_content Nullable(String),
  utm_id Nullable(String),
  click_id_type Nullable(String),
  click_id Nullable(String),
  scene Nullable(String),
  source String,
  medium String,
  channel String,
  first_touch Nullable(String),
  browser Nullable(String),
  browser_version Nullable(String),
  os Nullable(String),
  device_type Nullable(String),
  ip Nullable(String),
  is_bot UInt8,
  props String,
  goal Nullable(String),
  revenue Nullable(Float64),
  currency Nullable(String),
  order_id Nullable(String),
  flags Nullable(String),
  dictionary_version Nullable(UInt32),
  person_id Nullable(String),
  session_key Nullable(String),
  counted UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(toDateTime(intDiv(greatest(client_ts, 0), 1000)))
ORDER BY (site, anonymous_id, id)
