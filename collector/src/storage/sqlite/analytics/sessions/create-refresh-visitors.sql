-- Visitors (anonymous ids) recomputed by the running refresh: the dirty ones of a site plus the
-- visitors they affect. A temp table is private to the connection and never written to disk.
CREATE TEMP TABLE IF NOT EXISTS refresh_visitors (
  site TEXT NOT NULL,
  anonymous_id TEXT NOT NULL,
  PRIMARY KEY (site, anonymous_id)
) WITHOUT ROWID
