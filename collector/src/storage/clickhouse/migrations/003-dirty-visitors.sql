-- Visitors whose derived rows must be recomputed. Ingest writes (dirty = 1, version = its time);
-- a refresh that started at T writes (dirty = 0, version = T) for the visitors it did, so a visitor
-- whose events arrived during the refresh stays dirty.
CREATE TABLE IF NOT EXISTS {table:dirty_visitors} (
  site String,
  anonymous_id String,
  dirty UInt8,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (site, anonymous_id)
