-- Each listed person's latest consent statement in an identify trait `consent` (true | false),
-- by event time, then event id, as the SQLite engine's trait-consent.sql. The raw slot reads the
-- trait's raw JSON text (compile-conditions.ts rawProperty). A person's identify calls may sit
-- on several shards (one per device): the Distributed table merges the per-person argMax.
SELECT personId, latest.1 = 'true' AS granted, latest.2 AS ts
FROM (
  WITH /*raw*/ AS raw
  SELECT assumeNotNull(person_id) AS personId, argMax((raw, ts), (ts, id)) AS latest
  FROM {table:events} FINAL
  WHERE site = {site:String} AND event = 'identify' AND person_id IN {persons:Array(String)}
    AND raw IN ('true', 'false')
  GROUP BY personId
)
