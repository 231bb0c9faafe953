-- Tag values, one row per (site, tag, run, person): the ClickHouse twin of SQLite's person_tags.
-- Every refresh recomputes a tag in full and writes its values under a new `run` number, which
-- the caller records once the run is written; readers ask for that run only. A half-written run
-- is therefore never read, and no row is ever updated in place. Older runs are removed in the
-- background (dropTagRuns). A run number is never reused: ReplacingMergeTree (read with FINAL)
-- only collapses a row written twice by a retried insert.
-- On a cluster rows are sharded by person, so a person's values and all copies of a row sit on
-- one shard.
CREATE TABLE IF NOT EXISTS {table:person_tags} (
  site String,
  tag_id String,
  run UInt64,
  person_id String,
  value String,
  computed_at Int64
) ENGINE = ReplacingMergeTree
ORDER BY (site, tag_id, run, person_id)
