-- On the ClickHouse engine a tag's values live in ClickHouse (person_tags), written in full under
-- a new run number at each refresh; this row names the run readers read. It moves only once a run
-- is completely written, so a refresh in progress or one that failed is never seen.
CREATE TABLE tag_value_runs (
  site TEXT NOT NULL,
  tag_id TEXT NOT NULL,
  run INTEGER NOT NULL,
  version INTEGER NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (site, tag_id)
) WITHOUT ROWID;
