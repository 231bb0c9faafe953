-- Preferred channel: the entry channel of most of the person's sessions starting in
-- [{from}, {now}); ties go to the channel name first in byte order (SQLite's text order). Bot
-- and too-long sessions do not count. A person's sessions may sit on several shards (one per
-- device): the Distributed table merges the per-person, per-channel count before the pick.
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, person_id, channel, {now:Int64}
FROM (
  SELECT person_id, channel, count() AS n
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND start_ts >= {from:Int64} AND start_ts < {now:Int64}
    AND is_bot = 0 AND too_long = 0
  GROUP BY person_id, channel
)
ORDER BY person_id, n DESC, channel
LIMIT 1 BY person_id
