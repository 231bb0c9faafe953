-- Funnels saved by name, so a dashboard or a colleague runs the same definition again.
-- `definition` is the JSON of a FunnelDefinition (steps, window, countBy, mode, exclusions,
-- breakdown), validated before it is stored; the date range is chosen when the funnel is run.
CREATE TABLE saved_funnels (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;

-- Reports leave out the events of sessions flagged as bots or as too long. They are few, and
-- this index hands them over without reading every session of the site.
CREATE INDEX sessions_site_flagged ON sessions (site, session_key) WHERE is_bot = 1 OR too_long = 1;
