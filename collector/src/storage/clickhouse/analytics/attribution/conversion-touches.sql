-- Counted conversions in [{from}, {to}) (humans only, one per order: `counted`, as SQLite's
-- counted_conversions view) with their touchpoints: the sessions of the same person that started
-- within {lookback} ms before the conversion, and not after it. One row per conversion, oldest
-- first (ties by event id), its touches as parallel arrays, oldest first with ties by session key
-- as in SQLite; a conversion without any touch has empty arrays. {by} picks the key a touch is
-- credited to; the names are fixed and checked by the caller.
-- The key by source_campaign is the JSON text ["source","campaign"] written exactly as SQLite's
-- json_array writes it (same escapes: \" \\ \b \t \n \f \r, other control bytes as \u00xx), so
-- both engines give identical keys. The escaping walks bytes only for the rare strings that
-- need it.
-- ClickHouse 18.16 joins take one JOIN per SELECT and equality keys only: conversions are first
-- kept if their own session is human, then each gets its person's sessions as one sorted array,
-- filtered to its lookback by arrayFilter. Joins run on the initiator (subqueries on both sides),
-- because a person's devices can live on different shards.
-- has_person is only read by the lambda below; 18.16 drops a subquery column that only a
-- lambda reads, so it is selected up here too (and ignored by the caller).
SELECT ts, revenue, currency, has_person,
       arrayMap(t -> t.1, touches) AS touch_ts,
       arrayMap(t -> t.3, touches) AS keys,
       arrayMap(t -> t.4, touches) AS direct
FROM (
  SELECT ts, id, revenue, currency, has_person,
         arrayFilter(t -> has_person AND t.1 <= ts AND t.1 >= ts - {lookback:Int64}, person_touches) AS touches
  FROM (
    SELECT ts, id, revenue, currency, person_key, has_person
    FROM (
      SELECT ts, id, ifNull(revenue, 0) AS revenue, currency,
             ifNull(person_id, '') AS person_key, isNotNull(person_id) AS has_person,
             assumeNotNull(session_key) AS session_key
      FROM {table:events} FINAL
      WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64} AND ts < {to:Int64}
        AND isNotNull(session_key)
    )
    ANY INNER JOIN (
      -- A session holds its events, so the session of a conversion in the range overlaps it.
      SELECT session_key
      FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
        AND start_ts < {to:Int64} AND end_ts >= {from:Int64}
    ) USING session_key
  )
  ANY LEFT JOIN (
    SELECT person_id AS person_key, arraySort(groupArray((start_ts, session_key, key, direct))) AS person_touches
    FROM (
      SELECT person_id, start_ts, session_key,
             multiIf(
               {by:String} = 'channel', channel,
               {by:String} = 'source_medium', concat(source, ' / ', medium),
               {by:String} = 'campaign', if(ifNull(campaign, '') = '', if(source = '(direct)', '(direct)', '(not set)'), ifNull(campaign, '')),
               concat('[', arrayStringConcat(arrayMap(p -> concat('"',
                 if(match(p, '[\\x00-\\x1f"\\\\]'),
                    arrayStringConcat(arrayMap(c -> multiIf(c = '"', '\\"', c = '\\', '\\\\', c = '\b', '\\b', c = '\t', '\\t',
                                                            c = '\n', '\\n', c = '\f', '\\f', c = '\r', '\\r',
                                                            c < ' ', concat('\\u00', lower(hex(c))), c),
                                               arrayMap(i -> substring(p, i + 1, 1), range(if(match(p, '[\\x00-\\x1f"\\\\]'), length(p), 0))))),
                    p),
                 '"'), [lower(source), lower(ifNull(campaign, ''))]), ','), ']')
             ) AS key,
             source = '(direct)' AS direct
      FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND is_bot = 0 AND too_long = 0
        AND start_ts >= {from:Int64} - {lookback:Int64} AND start_ts < {to:Int64}
        AND person_id GLOBAL IN (
          SELECT assumeNotNull(person_id) FROM {table:events} FINAL
          WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64} AND ts < {to:Int64} AND isNotNull(person_id)
        )
    )
    GROUP BY person_id
  ) USING person_key
)
ORDER BY ts, id
