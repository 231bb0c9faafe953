-- Payloads that failed validation, with their reasons. A replay writes the row again with
-- status 'replayed' and a higher version.
CREATE TABLE IF NOT EXISTS {table:quarantine} (
  qid UInt64,
  site Nullable(String),
  event_id Nullable(String),
  event Nullable(String),
  received_at Int64,
  sent_at Nullable(Int64),
  payload String,
  reasons String,
  dictionary_version Nullable(UInt32),
  request Nullable(String),
  scope String,
  status String,
  replayed_at Nullable(Int64),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY qid
