-- Persons whose sessions need their last-non-direct source recomputed: those of the refreshed
-- visitors before and after the refresh (a visitor can move from one person to another).
CREATE TEMP TABLE IF NOT EXISTS refresh_persons (
  site TEXT NOT NULL,
  person_id TEXT NOT NULL,
  PRIMARY KEY (site, person_id)
) WITHOUT ROWID
