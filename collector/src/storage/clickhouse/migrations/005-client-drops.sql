-- Events SDKs reported dropping from a full offline queue (never received). `drop_id` is made
-- when the report is accepted: the local buffer may hand a report to ClickHouse twice after a
-- crash, and ReplacingMergeTree (read with FINAL) keeps one.
CREATE TABLE IF NOT EXISTS {table:client_drops} (
  site String,
  received_at Int64,
  drop_id String,
  anonymous_id Nullable(String),
  dropped UInt32
) ENGINE = ReplacingMergeTree
ORDER BY (site, received_at, drop_id)
