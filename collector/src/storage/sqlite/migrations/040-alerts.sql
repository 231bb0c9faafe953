-- Alert rules, their evaluations, incidents, lifecycle history and deliveries.

-- A rule: the metric it watches, its filters, condition, schedule and delivery channels, as the
-- JSON the API accepted (see collector/src/alerts/alert-rule.ts).
CREATE TABLE alert_rules (
  id TEXT PRIMARY KEY,
  site TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,           -- JSON of the validated rule
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,        -- epoch ms; no slot before it is evaluated
  updated_at INTEGER NOT NULL
);
CREATE INDEX alert_rules_site ON alert_rules (site);

-- Where each rule stands between evaluations. `last_slot` is the newest slot evaluated, so a
-- restart knows which slots it missed.
CREATE TABLE alert_rule_state (
  rule_id TEXT PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'ok',  -- ok | firing | acknowledged
  consecutive INTEGER NOT NULL DEFAULT 0, -- breaches in a row so far
  last_slot INTEGER,                  -- epoch ms of the newest evaluated slot
  last_fired_at INTEGER,              -- slot of the last firing (cooldown counts from it)
  incident_id TEXT,                   -- the open incident, if any
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per rule and slot: the primary key is what makes an evaluation happen at most once,
-- even when two processes or a restart catch-up race for the same slot.
CREATE TABLE alert_evaluations (
  rule_id TEXT NOT NULL,
  slot INTEGER NOT NULL,              -- scheduled time, epoch ms
  evaluated_at INTEGER NOT NULL,
  outcome TEXT NOT NULL,              -- breach | ok | skipped
  reason TEXT,                        -- why skipped (insufficient_volume, no_data, …)
  value REAL,                         -- the watched metric in the current window
  detail TEXT NOT NULL,               -- JSON: windows and the condition tree with its readings
  PRIMARY KEY (rule_id, slot)
) WITHOUT ROWID;

-- An incident: from a firing to its resolution (by recovery or by a person).
CREATE TABLE alert_incidents (
  id TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL,
  site TEXT NOT NULL,
  status TEXT NOT NULL,               -- firing | acknowledged | resolved
  fired_at INTEGER NOT NULL,          -- slot that fired
  value REAL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  acknowledge_note TEXT,
  resolved_at INTEGER,
  resolved_by TEXT,                   -- NULL when the metric recovered on its own
  resolve_note TEXT
);
CREATE INDEX alert_incidents_site ON alert_incidents (site, fired_at);
CREATE INDEX alert_incidents_rule ON alert_incidents (rule_id, fired_at);

-- The lifecycle history: every firing, acknowledgement, resolution and recovery.
CREATE TABLE alert_events (
  seq INTEGER PRIMARY KEY,
  site TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  incident_id TEXT,
  type TEXT NOT NULL,                 -- fired | acknowledged | resolved | recovered
  at INTEGER NOT NULL,                -- the slot for fired/recovered, the request time otherwise
  owner TEXT,
  note TEXT,
  payload TEXT NOT NULL               -- JSON: the notification body sent to channels
);
CREATE INDEX alert_events_site ON alert_events (site, at);
CREATE INDEX alert_events_rule ON alert_events (rule_id, at);

-- Notifications waiting to be sent, one per event and channel. Written in the transaction that
-- records the event, so a crash between the two cannot lose a notification; the channel is a
-- snapshot, so editing a rule does not change where a past event goes.
CREATE TABLE alert_outbox (
  id INTEGER PRIMARY KEY,
  event_seq INTEGER NOT NULL,
  channel_index INTEGER NOT NULL,
  channel TEXT NOT NULL,              -- JSON of the delivery channel
  status TEXT NOT NULL DEFAULT 'pending', -- pending | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  UNIQUE (event_seq, channel_index)
);
CREATE INDEX alert_outbox_pending ON alert_outbox (status, next_attempt_at);

-- Every delivery attempt, successful or not.
CREATE TABLE alert_deliveries (
  id INTEGER PRIMARY KEY,
  outbox_id INTEGER NOT NULL,
  event_seq INTEGER NOT NULL,
  channel_type TEXT NOT NULL,         -- webhook | wecom | dingtalk | feishu | slack | email
  attempt INTEGER NOT NULL,           -- 1, 2, …
  at INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  status_code INTEGER,                -- HTTP status, when there was one
  error TEXT
);
CREATE INDEX alert_deliveries_event ON alert_deliveries (event_seq);
