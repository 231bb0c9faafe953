-- Attribute tag: the latest value of an identify trait, by event time, then arrival, then event
-- id (SQLite breaks a tie of event times by arrival order, `seq`; ClickHouse has no arrival order
-- finer than the batch's received_at, so two identify calls of one batch at the same millisecond
-- go by event id). A trait last sent as null clears the tag. A template filled by
-- compute-tag.ts: the raw slot reads the trait's raw JSON text ('' when absent, its name bound
-- as {t_path}), and the text slot gives the value as SQLite stores it (true → 'true', a number as
-- SQLite's text of it). Always a full run, under {run}.
-- A person's identify calls may sit on several shards (one per device): the Distributed table
-- merges the per-person argMax (its tuples hold no Nullable column).
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, person, latest.2, {now:Int64}
FROM (
  WITH /*raw*/ AS raw
  SELECT assumeNotNull(person_id) AS person,
         argMax((toUInt8(raw = 'null'), /*text*/), (ts, received_at, id)) AS latest
  FROM {table:events} FINAL
  WHERE site = {site:String} AND event = 'identify' AND ts < {now:Int64}
    AND is_bot = 0 AND person_id IS NOT NULL
    AND raw != ''
  GROUP BY person
)
WHERE latest.1 = 0
