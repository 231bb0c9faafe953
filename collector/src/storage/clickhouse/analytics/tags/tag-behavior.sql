-- Behaviour tag: value 'true' for persons with at least {min_count} matching events in
-- [{from}, {now}). A template: the condition slot is the compiled event condition (event name
-- and property filters from ../funnels/compile-conditions.ts: operators and placeholders only).
-- Bots and flagged sessions (bot, too long) are left out. A person's events may sit on several
-- shards (one per device): the Distributed table merges the per-person count.
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, assumeNotNull(person_id) AS person, 'true', {now:Int64}
FROM {table:events} FINAL
WHERE site = {site:String} AND ts >= {from:Int64} AND ts < {now:Int64}
  AND is_bot = 0 AND person_id IS NOT NULL
  AND (/*condition*/)
  AND session_key GLOBAL NOT IN (
    SELECT session_key FROM {table:sessions} FINAL
    WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
  )
GROUP BY person
HAVING count() >= {min_count:UInt32}
