-- Tags, audiences and activation (标签圈选 → 投放 → 复盘). Definitions are JSON validated by the
-- zod schemas in collector/src/audiences/ before they are stored.

-- The current definition of each tag; every edit adds a row to tag_versions and bumps version.
CREATE TABLE tags (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,           -- JSON: names, descriptions (en, zh) and the rule
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;

CREATE TABLE tag_versions (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site, id, version)
) WITHOUT ROWID;

-- One value per person and tag. A person the rule does not hold for has no row.
CREATE TABLE person_tags (
  site TEXT NOT NULL,
  tag_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  value TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (site, tag_id, person_id)
) WITHOUT ROWID;
CREATE INDEX person_tags_person ON person_tags (site, person_id);
CREATE INDEX person_tags_value ON person_tags (site, tag_id, value);

-- The last refresh of each tag: the highest event seq it had seen (incremental runs only look at
-- persons with events after it) and the tag version it ran with (a new version recomputes all).
CREATE TABLE tag_runs (
  site TEXT NOT NULL,
  tag_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  ran_at INTEGER NOT NULL,
  mode TEXT NOT NULL,                 -- full | incremental
  PRIMARY KEY (site, tag_id)
) WITHOUT ROWID;

-- Saved audiences: a boolean expression over tags and events, a holdout and an export policy.
CREATE TABLE audiences (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  definition TEXT NOT NULL,           -- JSON: names, expression, holdout, activation
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;

-- Membership spells: a person joins (left_at NULL) and may leave and join again later.
-- `holdout` is fixed per spell from hash(person id, seed): holdout members are never exported.
CREATE TABLE audience_members (
  site TEXT NOT NULL,
  audience_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  left_at INTEGER,
  holdout INTEGER NOT NULL,
  PRIMARY KEY (site, audience_id, person_id, joined_at)
) WITHOUT ROWID;
CREATE INDEX audience_members_open ON audience_members (site, audience_id, person_id) WHERE left_at IS NULL;

-- Size after each refresh.
CREATE TABLE audience_sizes (
  site TEXT NOT NULL,
  audience_id TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  members INTEGER NOT NULL,
  holdout INTEGER NOT NULL,
  joined INTEGER NOT NULL,
  left INTEGER NOT NULL,
  PRIMARY KEY (site, audience_id, computed_at)
) WITHOUT ROWID;

-- The membership the audience's webhook last acknowledged: the next push sends the difference.
CREATE TABLE audience_pushed (
  site TEXT NOT NULL,
  audience_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  pushed_at INTEGER NOT NULL,
  PRIMARY KEY (site, audience_id, person_id)
) WITHOUT ROWID;

-- Persons handed to a channel (CSV export or webhook), first time only: the treated group of lift.
CREATE TABLE audience_delivered (
  site TEXT NOT NULL,
  audience_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  first_at INTEGER NOT NULL,
  PRIMARY KEY (site, audience_id, person_id)
) WITHOUT ROWID;

-- Consent to marketing recorded over the API (identify traits `consent: true|false` count too;
-- the latest statement by time wins, see consent-state.sql).
CREATE TABLE consent_records (
  site TEXT NOT NULL,
  person_id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  granted INTEGER NOT NULL,
  source TEXT,
  PRIMARY KEY (site, person_id, ts)
) WITHOUT ROWID;

-- Real-time marketing triggers.
CREATE TABLE triggers (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  definition TEXT NOT NULL,           -- JSON: the event, the event that must not follow, the window, the webhook
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;

-- One firing per person per trigger window: the unique key makes "at most once" hold even if two
-- scans overlap. `window_start` = the start of the fixed window (multiple of the window length)
-- that holds the triggering event.
CREATE TABLE trigger_firings (
  site TEXT NOT NULL,
  trigger_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  event_ts INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending', -- pending | delivered | failed | suppressed (consent)
  attempts INTEGER NOT NULL DEFAULT 0,
  delivered_at INTEGER,
  last_error TEXT,
  PRIMARY KEY (site, trigger_id, person_id, window_start)
) WITHOUT ROWID;
CREATE INDEX trigger_firings_pending ON trigger_firings (status, site, trigger_id) WHERE status = 'pending';

-- Each person's consent to marketing: the latest statement by time, from an identify trait
-- `consent` (true | false) or from POST /v1/persons/:id/consent (consent_records); on the same
-- millisecond the API record wins. No row: the person never said (see the export policy).
CREATE VIEW consent_state AS
SELECT site, person_id, granted, ts
FROM (
  SELECT site, person_id, granted, ts,
         row_number() OVER (PARTITION BY site, person_id ORDER BY ts DESC, src DESC) AS k
  FROM (
    SELECT e.site, e.person_id, e.ts, json_type(e.props, '$.consent') = 'true' AS granted, 0 AS src
    FROM events e
    WHERE e.event = 'identify' AND e.person_id IS NOT NULL AND json_type(e.props, '$.consent') IN ('true', 'false')
    UNION ALL
    SELECT r.site, r.person_id, r.ts, r.granted, 1 FROM consent_records r
  )
)
WHERE k = 1;
