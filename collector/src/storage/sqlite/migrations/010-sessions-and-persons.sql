-- Server-side sessions and persons. Both are derived from `events` and recomputed per visitor
-- (anonymous id) whenever that visitor gets new events, an identify or a merge, so results never
-- depend on the order in which events arrived.

-- Visitors whose derived rows (sessions, persons) must be recomputed. Ingest adds to it in the
-- same transaction that stores the events; the refresh empties it.
CREATE TABLE dirty_visitors (
  site TEXT NOT NULL,
  anonymous_id TEXT NOT NULL,
  PRIMARY KEY (site, anonymous_id)
) WITHOUT ROWID;

-- The person each event belongs to, and its server session. Filled by the refresh.
ALTER TABLE events ADD COLUMN person_id TEXT;
ALTER TABLE events ADD COLUMN session_key TEXT;
CREATE INDEX events_site_person_ts ON events (site, person_id, ts);

-- An anonymous id is linked to the first user id it was identified as (retroactively: its earlier
-- events count for that user). A device that later sees another user id does not merge the two.
CREATE TABLE identity_links (
  site TEXT NOT NULL,
  anonymous_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  linked_at INTEGER NOT NULL,
  PRIMARY KEY (site, anonymous_id)
) WITHOUT ROWID;

-- Typed identities of persons (phone and email only as salted hashes).
CREATE TABLE identities (
  site TEXT NOT NULL,
  type TEXT NOT NULL,          -- user_id | phone | email | unionid | openid | device_id | custom type
  value TEXT NOT NULL,
  person_id TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (site, type, value)
) WITHOUT ROWID;
CREATE INDEX identities_person ON identities (site, person_id);

-- Explicit merges: `from_person` is the same person as `into_person`. Only the merge endpoint writes
-- here; two identified persons are never merged automatically.
CREATE TABLE person_merges (
  site TEXT NOT NULL,
  from_person TEXT NOT NULL,
  into_person TEXT NOT NULL,
  merged_at INTEGER NOT NULL,
  PRIMARY KEY (site, from_person)
) WITHOUT ROWID;

-- One row per server session.
CREATE TABLE sessions (
  site TEXT NOT NULL,
  session_key TEXT NOT NULL,   -- id of the session's first event (by ts, then id): unique per site
  anonymous_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  start_ts INTEGER NOT NULL,
  end_ts INTEGER NOT NULL,
  events INTEGER NOT NULL,
  pageviews INTEGER NOT NULL,
  conversions INTEGER NOT NULL,
  landing_path TEXT,
  -- Entry attribution: the source of the session's first event.
  source TEXT NOT NULL,
  medium TEXT NOT NULL,
  campaign TEXT,
  content TEXT,
  term TEXT,
  channel TEXT NOT NULL,
  -- GA4 "last non-direct": a direct session takes the person's most recent non-direct source
  -- within the lookback; otherwise equal to the entry attribution.
  lnd_source TEXT NOT NULL,
  lnd_medium TEXT NOT NULL,
  lnd_campaign TEXT,
  lnd_channel TEXT NOT NULL,
  device_type TEXT,
  browser TEXT,
  os TEXT,
  platform TEXT,
  engaged INTEGER NOT NULL,    -- ≥ 10 s, or a conversion, or ≥ 2 page views
  is_bot INTEGER NOT NULL,     -- any bot event in the session
  too_long INTEGER NOT NULL,   -- longer than the bot limit (likely a bot)
  PRIMARY KEY (site, session_key)
) WITHOUT ROWID;
CREATE INDEX sessions_site_start ON sessions (site, start_ts);
CREATE INDEX sessions_site_person ON sessions (site, person_id, start_ts);
CREATE INDEX sessions_site_anon ON sessions (site, anonymous_id, start_ts);
