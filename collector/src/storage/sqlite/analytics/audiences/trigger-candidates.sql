-- The events that may fire a trigger (run-triggers.ts then applies consent and the once-per
-- window rule, and keeps each person's first). A template: the when and unless slots are compiled
-- event conditions (operators and @parameter names only); the unless slot is `0` when the trigger
-- has none. A candidate matches `when`, is human, happened in [@scan_from, @due_before]
-- (due_before = now − the unless delay: the wait is over), and no `unless` event of the same
-- person followed within @within_ms.
SELECT e.person_id AS personId, e.ts, e.id
FROM events e
WHERE e.site = @site AND e.ts >= @scan_from AND e.ts <= @due_before
  AND e.is_bot = 0 AND e.person_id IS NOT NULL
  AND /*when*/
  AND NOT EXISTS (
    SELECT 1 FROM events f
    WHERE f.site = @site AND f.person_id = e.person_id AND f.ts > e.ts AND f.ts <= e.ts + @within_ms
      AND /*unless*/
  )
ORDER BY e.person_id, e.ts, e.id
