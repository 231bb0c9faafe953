-- Events older than the cut whose session is gone (deleted by 01-sessions, or never made): the
-- events of a straddling session stay with it.
DELETE FROM events
WHERE seq IN (
  SELECT e.seq FROM events e
  WHERE e.site = @site AND e.ts < @cutoff
    AND (e.session_key IS NULL
         OR NOT EXISTS (SELECT 1 FROM sessions s WHERE s.site = e.site AND s.session_key = e.session_key))
  LIMIT @chunk)
