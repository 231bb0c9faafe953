-- AIPL: the stage of each person active in [{from}, {to}): the highest their behaviour reaches.
-- Shared by the AIPL report (counted per stage) and the AIPL value tag (stored per person).
-- The thresholds and event lists are parameters (the rules are data, see aipl-rules.ts):
--   loyalty    ≥ {loyal_conversions} counted conversions in the range, or counted conversions in
--              ≥ {loyal_months} distinct calendar months (site time zone, {month_bounds}) from
--              {lookback_start} to {to}
--   purchase   ≥ {purchase_conversions} counted conversions in the range
--   interest   an event of {interest_events} in the range, or ≥ {interest_sessions} sessions
--   awareness  an event of {awareness_events} in the range
--   none       active, but none of the above (e.g. only an identify call)
-- Bots and flagged sessions (bot, too long) are left out.
-- One pass over [{lookback_start}, {to}) (lookback_start ≤ from) instead of the SQLite engine's
-- join of active persons and buyers: a person is active when they have an event from {from} on.
-- A person's events may sit on several shards (one per device); the Distributed table merges the
-- per-person GROUP BY across them.
SELECT person AS person_id,
       multiIf(
         in_range >= {loyal_conversions:UInt32} OR months >= {loyal_months:UInt32}, 'loyalty',
         in_range >= {purchase_conversions:UInt32}, 'purchase',
         engaged = 1 OR sessions >= {interest_sessions:UInt32}, 'interest',
         aware = 1, 'awareness',
         'none') AS stage
FROM (
  WITH {month_bounds:Array(Int64)} AS months_start, ts >= {from:Int64} AS in_range_event
  SELECT assumeNotNull(person_id) AS person,
         countIf(in_range_event) AS active_events,
         maxIf(has({awareness_events:Array(String)}, event), in_range_event) AS aware,
         maxIf(has({interest_events:Array(String)}, event), in_range_event) AS engaged,
         uniqExactIf(session_key, in_range_event) AS sessions,
         countIf(counted = 1 AND in_range_event) AS in_range,
         -- Distinct calendar months with a counted conversion, by the index of the month holding ts.
         uniqExactIf(arrayCount(s -> s <= ts, months_start), counted = 1) AS months
  FROM {table:events} FINAL
  WHERE site = {site:String} AND ts >= {lookback_start:Int64} AND ts < {to:Int64}
    AND is_bot = 0 AND person_id IS NOT NULL
    AND session_key GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
    )
  GROUP BY person
  HAVING active_events > 0
)
