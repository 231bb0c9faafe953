-- A new firing, pending delivery. The primary key (site, trigger, person, window_start) makes a
-- second firing in a window impossible even if scans overlap.
INSERT OR IGNORE INTO trigger_firings (site, trigger_id, person_id, window_start, event_ts, event_id, created_at)
VALUES (@site, @trigger_id, @person_id, @window_start, @event_ts, @event_id, @now)
