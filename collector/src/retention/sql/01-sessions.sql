-- Sessions that ended before the cut go whole; one that straddles it stays whole until it ends
-- before the cut, so a kept session never loses its first events.
DELETE FROM sessions
WHERE site = @site
  AND session_key IN (SELECT session_key FROM sessions WHERE site = @site AND end_ts < @cutoff LIMIT @chunk)
