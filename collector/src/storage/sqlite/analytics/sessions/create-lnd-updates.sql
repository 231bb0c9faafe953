-- New last-non-direct values of sessions whose values change, computed before they are applied.
CREATE TEMP TABLE IF NOT EXISTS lnd_updates (
  session_key TEXT PRIMARY KEY,
  lnd_source TEXT NOT NULL,
  lnd_medium TEXT NOT NULL,
  lnd_campaign TEXT,
  lnd_channel TEXT NOT NULL
) WITHOUT ROWID
