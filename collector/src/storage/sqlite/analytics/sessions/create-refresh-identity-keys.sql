-- Identities (type, value) claimed by the refreshed visitors' identify events; their owner is
-- recomputed from every claim in the site.
CREATE TEMP TABLE IF NOT EXISTS refresh_identity_keys (
  site TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (site, type, value)
) WITHOUT ROWID
