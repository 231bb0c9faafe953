-- The session of each event of the refreshed visitors, as computed by assign-event-sessions.
CREATE TEMP TABLE IF NOT EXISTS event_sessions (
  seq INTEGER PRIMARY KEY,
  session_key TEXT NOT NULL
)
