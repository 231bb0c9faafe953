-- The deepest funnel chain of every counting unit (person or session), by the window-funnel
-- aggregate. A template: the /*…*/ slots are filled by get-funnel.ts with compiled expressions
-- that contain only operators and @parameter names (never values):
--   unit            e.person_id or e.session_key
--   step_mask       bit k set when the event matches step k + 1 (step 1 only before @range_end)
--   exclusion_mask  bit i set when the event matches exclusion i
--   dimension       breakdown value of step-1 events (NULL otherwise)
--   index           which index to read (see scanIndex in get-funnel.ts): INDEXED BY
--                   events_site_person_funnel (person order, covering) or events_site_ts
-- Step-1 events must fall in [@range_start, @range_end); later steps may follow up to the window
-- after, hence the scan to @scan_end = @range_end + window. Only events named by a step or an
-- exclusion are read (@event_names, a JSON array), except in strict_order (@all_events = 1),
-- where any event interrupts the chain. Bots and flagged sessions (bot, too long) are left out;
-- the partial index of flagged sessions is named because the planner, given no statistics,
-- would rather read every session of the site through the primary key (285 000 at 1M events)
-- on every run.
SELECT /*unit*/ AS unit,
       maidian_window_funnel(e.ts, /*step_mask*/, /*exclusion_mask*/, /*dimension*/) AS chain
FROM events e /*index*/
WHERE e.site = @site
  AND e.ts >= @range_start AND e.ts < @scan_end
  AND (@all_events = 1 OR e.event IN (SELECT value FROM json_each(@event_names)))
  AND e.is_bot = 0
  AND e.person_id IS NOT NULL
  AND e.session_key NOT IN (
    SELECT s.session_key FROM sessions AS s INDEXED BY sessions_site_flagged
    WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
  )
GROUP BY unit
