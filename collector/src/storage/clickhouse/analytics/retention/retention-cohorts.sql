-- Cohort sizes and returns of a retention table, in one pass over the site's events.
--   {bounds}       period start instants in the site time zone, ascending; the last entry ends
--                  the last period. Periods 0 … {cohorts} − 1 hold cohorts; the rest only returns.
--   {cohort}       'first_visit': the person's first event ever; 'signup': their first
--                  {signup_event} event ever. A person first seen before the first period is in
--                  no cohort.
--   {return_event} the event that counts as a return; NULL: any event.
-- Rows: (cohort, k, persons) with k NULL for the cohort size, else the persons of the cohort with
-- a return in period cohort + k (k = 0 … {periods} − 1). Bots and flagged sessions are left out.
-- Per person: the period of the instant that places them in a cohort, and the periods they
-- returned in. A person's events may sit on several shards (one per device); the per-person
-- GROUP BY is merged across shards by the Distributed table. Each member then yields one row for
-- the size (period −1) and one per period of return.
-- Written around two 18.16 faults: lambdas appear only where they capture table columns (it loses
-- a subquery's columns when an outer query's lambda captures them: "Unknown identifier"), and
-- aggregate conditions stay UInt8 when {return_event} is NULL (ifNull: a Nullable(Nothing)
-- condition breaks the exchange of states between shards).
SELECT cohort, if(period = -1, NULL, period - cohort) AS k, count() AS persons
FROM (
  SELECT cohort, arrayJoin(arrayConcat([toInt64(-1)], returns)) AS period
  FROM (
    WITH {bounds:Array(Int64)} AS bounds,
         -- The index of the period holding ts: −1 before the first, length(bounds) − 1 after the last.
         toInt64(arrayCount(s -> s <= ts, bounds)) - 1 AS ts_period,
         {cohort:String} = 'first_visit' OR event = {signup_event:String} AS arrival
    SELECT assumeNotNull(person_id) AS person,
           countIf(arrival) AS arrivals,
           argMinIf(ts_period, ts, arrival) AS cohort,
           groupUniqArrayIf(ts_period,
             ts >= bounds[1] AND ts < bounds[-1]
             AND (isNull({return_event:Nullable(String)}) OR event = ifNull({return_event:Nullable(String)}, ''))) AS returns
    FROM {table:events} FINAL
    WHERE site = {site:String} AND is_bot = 0 AND person_id IS NOT NULL
      AND session_key GLOBAL NOT IN (
        SELECT session_key FROM {table:sessions} FINAL
        WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
      )
    GROUP BY person
  )
  WHERE arrivals > 0 AND cohort >= 0 AND cohort < {cohorts:UInt32}
)
WHERE period = -1 OR (period >= cohort AND period < cohort + {periods:UInt32})
GROUP BY cohort, k
