-- The deepest funnel chain of every counting unit (person or session) that entered the funnel:
-- the times its steps were reached and the breakdown value of its step-1 event, as the SQLite
-- engine's funnel-chains.sql gives them. A template: the /*…*/ slots are filled by funnel-sql.ts
-- with compiled expressions that hold only operators, aliases and typed placeholders
-- (never values):
--   unit            person_id or session_key
--   step_mask       bit k set when the event matches step k + 1 (step 1 only before {range_end})
--   exclusion_mask  bit i set when the event matches exclusion i
--   rank            the tie order of compareFunnelEvents: by lowest step, then exclusions, then none
--   dimension       `, (breakdown value, is a number)` of a step-1 event; empty without breakdown
--   session_join    the sessions' entry attribution, for the channel, campaign and source_medium
--                   breakdowns
--   first_pass      windowFunnel's level of the unit and its first step-1 time, when it is used
--                   (window-funnel-filter.ts)
--   chain           levels of `(SELECT *, … FROM ` around the per-unit query (chain_end closes
--                   them): the events the matcher needs, then the matcher over the unit's sorted
--                   events (chain-arrays.ts), giving level, times, dim
-- Step-1 events must fall in [{range_start}, {range_end}); later steps may follow up to the window
-- after, hence the scan to {scan_end}. Only events named by a step or an exclusion are read,
-- except in strict_order ({all_events} = 1), where any event interrupts the chain. Bots and
-- flagged sessions (bot, too long) are left out. A person's events may sit on several shards (one
-- per device): the Distributed table merges the per-unit arrays before the chain is computed.
-- Units come back in order, as SQLite's GROUP BY gives them: breakdown groups that tie are listed
-- in the order summarizeFunnel first meets them.
SELECT times, dim.1 AS dim_value, dim.2 AS dim_is_number
FROM /*chain*/(
  SELECT assumeNotNull(/*unit*/) AS unit,
         arraySort(groupArray((ts, /*rank*/, /*step_mask*/ AS e_steps, /*exclusion_mask*/ AS e_excl /*dimension*/))) AS unit_events/*first_pass*/
  FROM {table:events} FINAL /*session_join*/
  WHERE site = {site:String}
    AND ts >= {range_start:Int64} AND ts < {scan_end:Int64}
    AND ({all_events:UInt8} = 1 OR has({event_names:Array(String)}, event))
    AND is_bot = 0
    AND person_id IS NOT NULL
    AND session_key GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
    )
  GROUP BY unit
  -- Without a step-1 event a unit is in no funnel.
  HAVING countIf(bitAnd(e_steps, 1) != 0) > 0
)/*chain_end*/
WHERE level > 0
ORDER BY unit
