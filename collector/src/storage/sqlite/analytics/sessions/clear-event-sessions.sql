DELETE FROM event_sessions
