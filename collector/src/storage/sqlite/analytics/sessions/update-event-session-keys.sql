-- Driven by event_sessions (the refreshed visitors' events), not by the whole events table.
UPDATE events
SET session_key = (SELECT s.session_key FROM event_sessions s WHERE s.seq = events.seq)
WHERE seq IN (
  SELECT s.seq FROM event_sessions s CROSS JOIN events e ON e.seq = s.seq
  WHERE e.session_key IS NOT s.session_key
)
