-- Events in [{from}, {to}) of human sessions, grouped by the value of their property {prop} (a
-- name checked against the dictionary's NAME pattern, bound as a literal). The value comes back
-- as JSON text ("pro", 3, true) so the caller keeps its type; events without the property, or
-- with null, are left out. As the SQLite statement of the same name.
--
-- visitParamExtractRaw finds the first `"<prop>":` in the text; props are JSON.stringify output
-- of a flat object (scalar values only, no spaces), where that needle can only be the top-level
-- key: inside an encoded string every quote is escaped.
-- The sessions joined are those that could hold an event of the range (start before its end,
-- last event at or after its start). Events and sessions are both sharded by visitor, so on a
-- cluster each shard joins its own sessions (distributed_product_mode = 'local').
SELECT visitParamExtractRaw(props, {prop:String}) AS key,
       uniqExact(assumeNotNull(session_key)) AS sessions,
       -- Without the If, an all-NULL group would give NULL where SQLite's COUNT gives 0.
       uniqExactIf(assumeNotNull(person_id), person_id IS NOT NULL) AS users,
       countIf(event = 'page_view') AS pageviews,
       uniqExactIf(assumeNotNull(session_key), engaged = 1) AS engaged_sessions,
       -- counted = 1 marks a counted conversion (humans only, one per order), as the SQLite view.
       countIf(counted = 1) AS conversions,
       uniqExactIf(assumeNotNull(session_key), event = 'conversion') AS converting_sessions
FROM {table:events} FINAL
ANY INNER JOIN (
  SELECT session_key, engaged
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
    AND start_ts < {to:Int64} AND end_ts >= {from:Int64}
) USING session_key
WHERE site = {site:String} AND ts >= {from:Int64} AND ts < {to:Int64} AND is_bot = 0
  AND key NOT IN ('', 'null')
GROUP BY key
SETTINGS distributed_product_mode = 'local'
