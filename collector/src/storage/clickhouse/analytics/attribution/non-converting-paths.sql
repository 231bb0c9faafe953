-- Paths of people who did not convert: persons with human sessions that started in
-- [{from}, {to}) and no counted conversion in [{from}, {to}). Each person's sessions in the range
-- form a path (oldest first, ties by session key); identical paths are counted together, so only
-- distinct paths come back. The data-driven models (Markov, Shapley) need them to see how often a
-- channel appears on paths that fail. {by} as in conversion-touches.sql.
-- The path is the JSON text SQLite's json_group_array(json_array(key, direct)) writes, byte for
-- byte (same escapes), and the paths are sorted by it, so both engines list the same paths in
-- the same order. It is written once per distinct path, after the counting.
SELECT concat('[', arrayStringConcat(arrayMap((k, d) -> concat('["',
         if(match(k, '[\\x00-\\x1f"\\\\]'),
            arrayStringConcat(arrayMap(c -> multiIf(c = '"', '\\"', c = '\\', '\\\\', c = '\b', '\\b', c = '\t', '\\t',
                                                    c = '\n', '\\n', c = '\f', '\\f', c = '\r', '\\r',
                                                    c < ' ', concat('\\u00', lower(hex(c))), c),
                                       arrayMap(i -> substring(k, i + 1, 1), range(if(match(k, '[\\x00-\\x1f"\\\\]'), length(k), 0))))),
            k),
         '",', toString(d), ']'), keys, directs), ','), ']') AS path,
       people
FROM (
  SELECT keys, directs, count() AS people
  FROM (
    SELECT person_id,
           arraySort(groupArray((start_ts, session_key, key, direct))) AS touches,
           arrayMap(t -> t.3, touches) AS keys,
           arrayMap(t -> t.4, touches) AS directs
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
        AND start_ts >= {from:Int64} AND start_ts < {to:Int64}
        AND person_id GLOBAL NOT IN (
          SELECT assumeNotNull(person_id) FROM {table:events} FINAL
          WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64} AND ts < {to:Int64} AND isNotNull(person_id)
        )
    )
    GROUP BY person_id
  )
  GROUP BY keys, directs
)
ORDER BY path
