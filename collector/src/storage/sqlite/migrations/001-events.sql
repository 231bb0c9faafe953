-- Events that passed validation (or were flagged in warn mode). One row per event id and site:
-- retried batches, beacons and several tabs may deliver an event more than once.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,            -- insertion order; rowid
  site TEXT NOT NULL,
  id TEXT NOT NULL,                   -- event id made by the SDK
  event TEXT NOT NULL,                -- page_view | click | conversion | identify | custom name
  ts INTEGER NOT NULL,                -- event time, epoch ms, corrected for client clock skew
  client_ts INTEGER NOT NULL,         -- event time as the client's clock said
  received_at INTEGER NOT NULL,       -- server receive time, epoch ms
  anonymous_id TEXT NOT NULL,
  user_id TEXT,
  session_id TEXT NOT NULL,           -- client session id (the server sessionizes on its own)
  session_start INTEGER NOT NULL DEFAULT 0,
  platform TEXT NOT NULL,
  url TEXT,
  path TEXT,
  title TEXT,
  referrer TEXT,
  referrer_host TEXT,
  utm_source TEXT,
  utm_medium TEXT,
  utm_campaign TEXT,
  utm_term TEXT,
  utm_content TEXT,
  utm_id TEXT,
  click_id_type TEXT,                 -- gclid, fbclid, … (the first one present)
  click_id TEXT,
  scene TEXT,                         -- mini-program launch scene
  source TEXT NOT NULL,               -- resolved source, e.g. baidu, (direct)
  medium TEXT NOT NULL,               -- resolved medium, e.g. cpc, organic, (none)
  channel TEXT NOT NULL,              -- default channel group, e.g. Paid Search
  first_touch TEXT,                   -- JSON of first-touch campaign fields
  browser TEXT,
  browser_version TEXT,
  os TEXT,
  device_type TEXT,                   -- desktop | mobile | tablet | …
  ip TEXT,                            -- anonymized; the full address is never stored
  is_bot INTEGER NOT NULL DEFAULT 0,
  props TEXT NOT NULL DEFAULT '{}',   -- JSON object of event properties (traits for identify)
  goal TEXT,                          -- conversion name
  revenue REAL,                       -- conversion value
  currency TEXT,
  order_id TEXT,
  flags TEXT,                         -- JSON array of dictionary warnings (warn mode), else NULL
  dictionary_version INTEGER
);
CREATE UNIQUE INDEX events_site_id ON events (site, id);
CREATE INDEX events_site_ts ON events (site, ts);
CREATE INDEX events_site_anon_ts ON events (site, anonymous_id, ts);

-- Events that failed validation, kept with their raw payload and the reasons, until a replay
-- after a dictionary fix accepts them. Nothing received is dropped.
CREATE TABLE quarantine (
  qid INTEGER PRIMARY KEY,
  site TEXT,                          -- NULL when the envelope itself was unreadable
  event_id TEXT,
  event TEXT,
  received_at INTEGER NOT NULL,
  sent_at INTEGER,
  payload TEXT NOT NULL,              -- the raw event (or body) as received
  reasons TEXT NOT NULL,              -- JSON array of {path, code, message, expected?}
  dictionary_version INTEGER,
  status TEXT NOT NULL DEFAULT 'open', -- open | replayed
  replayed_at INTEGER
);
CREATE INDEX quarantine_site_status ON quarantine (site, status, received_at);
