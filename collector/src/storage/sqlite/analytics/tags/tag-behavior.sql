-- Behaviour tag: value 'true' for persons with at least @min_count matching events in
-- [@from, @now). A template: the condition slot is the compiled event condition (event name and
-- property filters from funnels/compile-conditions.ts: operators and @parameter names only).
-- Bots and flagged sessions (bot, too long) are left out. Always a full run: the window moves.
INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, e.person_id, 'true', @now
FROM events e
WHERE e.site = @site AND e.ts >= @from AND e.ts < @now
  AND e.is_bot = 0 AND e.person_id IS NOT NULL
  AND /*condition*/
  AND e.session_key NOT IN (
    SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
  )
GROUP BY e.person_id
HAVING count(*) >= @min_count
