-- Preference tag: the value of a property seen most often on {event} events in [{from}, {now});
-- ties go to the smallest value (byte order, SQLite's text order), so the result is stable. Only
-- string and number values count (not true, false or null). A template filled by compute-tag.ts:
-- the raw slot reads the property's raw JSON text (its name bound as {p_path}), the text slot
-- gives the value as SQLite's CAST(… AS TEXT) writes it, so the string "100" and the number 100
-- count as one value, as they do on SQLite. Bots and flagged sessions are left out. A person's
-- events may sit on several shards (one per device): the Distributed table merges the
-- per-person, per-value count before the pick.
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, person, value, {now:Int64}
FROM (
  WITH /*raw*/ AS raw
  SELECT assumeNotNull(person_id) AS person, /*text*/ AS value, count() AS n
  FROM {table:events} FINAL
  WHERE site = {site:String} AND event = {event:String} AND ts >= {from:Int64} AND ts < {now:Int64}
    AND is_bot = 0 AND person_id IS NOT NULL
    AND raw NOT IN ('', 'null', 'true', 'false')
    AND session_key GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
    )
  GROUP BY person, value
)
ORDER BY person, n DESC, value
LIMIT 1 BY person
