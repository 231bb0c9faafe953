-- Trigger firings whose triggering event is older than the cut (that event is gone too).
DELETE FROM trigger_firings
WHERE (site, trigger_id, person_id, window_start) IN (
  SELECT site, trigger_id, person_id, window_start FROM trigger_firings
  WHERE site = @site AND event_ts < @cutoff LIMIT @chunk)
