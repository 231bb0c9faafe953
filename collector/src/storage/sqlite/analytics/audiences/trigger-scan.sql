-- Finds new firings of a trigger and records them (pending delivery). A template: the when and
-- unless slots are compiled event conditions (operators and @parameter names only); the unless slot is
-- `0` when the trigger has none. An event fires when
--   it matches `when`, is human, and happened in [@scan_from, @due_before] (due_before = now −
--   the unless delay: the wait is over),
--   no `unless` event of the same person followed within @within_ms,
--   the person's consent allows it (@unknown_ok = 1 lets persons who never said through),
--   and the person has no firing of this trigger for an event less than @window_ms earlier.
-- Only the first such event of each fixed window counts; the primary key (site, trigger, person,
-- window_start) makes a second firing in a window impossible even if scans overlap.
INSERT OR IGNORE INTO trigger_firings (site, trigger_id, person_id, window_start, event_ts, event_id, created_at)
SELECT @site, @trigger_id, person_id, window_start, ts, id, @now
FROM (
  SELECT e.person_id, e.ts, e.id, (e.ts / @window_ms) * @window_ms AS window_start,
         row_number() OVER (PARTITION BY e.person_id ORDER BY e.ts, e.id) AS k
  FROM events e
  WHERE e.site = @site AND e.ts >= @scan_from AND e.ts <= @due_before
    AND e.is_bot = 0 AND e.person_id IS NOT NULL
    AND /*when*/
    AND NOT EXISTS (
      SELECT 1 FROM events f
      WHERE f.site = @site AND f.person_id = e.person_id AND f.ts > e.ts AND f.ts <= e.ts + @within_ms
        AND /*unless*/
    )
    AND coalesce((SELECT c.granted FROM consent_state c WHERE c.site = @site AND c.person_id = e.person_id), @unknown_ok) = 1
    AND NOT EXISTS (
      SELECT 1 FROM trigger_firings t
      WHERE t.site = @site AND t.trigger_id = @trigger_id AND t.person_id = e.person_id
        AND t.event_ts > e.ts - @window_ms
    )
)
WHERE k = 1
