-- How far the copy of each SQLite database has got, per table: the last key (events.seq,
-- quarantine.qid, client_drops.rowid) whose chunk is in ClickHouse. A chunk appends a row with a
-- higher key; readers take the largest key, so merges never matter.
CREATE TABLE IF NOT EXISTS {table:import_progress} (
  source String,
  table_name String,
  last_key Int64,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (source, table_name)
