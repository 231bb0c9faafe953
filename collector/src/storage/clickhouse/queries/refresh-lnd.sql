-- GA4 "last non-direct", as the SQLite engine's collect-lnd-updates: a direct session (source
-- '(direct)') takes the source of its person's most recent non-direct session that started at
-- most {lookback_ms} before it (boundary included), on any of the person's devices; any other
-- session keeps its own. Sessions are ordered by (start_ts, session_key). Only sessions whose
-- values change are written again, under a newer version.
INSERT INTO {table:sessions}
SELECT site, session_key, anonymous_id, person_id, start_ts, end_ts, events, pageviews, conversions,
       landing_path, source, medium, campaign, content, term, channel,
       new.1 AS lnd_source, new.2 AS lnd_medium, new.3 AS lnd_campaign, new.4 AS lnd_channel,
       device_type, browser, os, platform, engaged, is_bot, too_long, deleted,
       {version:UInt64} AS version
FROM (
  -- The old values under other names: the outer SELECT's aliases reuse the column names.
  SELECT *, tupleElement(lnd, 2) AS new, (lnd_source, lnd_medium, lnd_campaign, lnd_channel) AS old
  FROM {table:sessions} FINAL
  GLOBAL ANY INNER JOIN (
    SELECT tupleElement(x, 1) AS session_key, x AS lnd
    FROM (
      SELECT person_id,
             arraySort(groupArray((start_ts, session_key, source != '(direct)', (source, medium, campaign, channel)))) AS ss,
             arrayEnumerate(ss) AS idx,
             arrayFilter((i, s) -> tupleElement(s, 3), idx, ss) AS non_direct,
             arrayCumSum(arrayMap(s -> toUInt32(tupleElement(s, 3)), ss)) AS g,
             arrayMap(i -> (tupleElement(ss[i], 2),
                            NOT tupleElement(ss[i], 3) AND g[i] > 0
                              AND tupleElement(ss[i], 1) - tupleElement(ss[non_direct[g[i]]], 1) <= {lookback_ms:Int64}
                              ? tupleElement(ss[non_direct[g[i]]], 4) : tupleElement(ss[i], 4)), idx) AS computed
      FROM {table:sessions} FINAL
      WHERE site = {site:String} AND person_id IN {persons:Array(String)} AND deleted = 0
      GROUP BY person_id
    )
    ARRAY JOIN computed AS x
  ) USING session_key
  WHERE site = {site:String} AND person_id IN {persons:Array(String)} AND deleted = 0
)
WHERE new.1 != old.1 OR new.2 != old.2 OR ifNull(new.3, '\0') != ifNull(old.3, '\0') OR new.4 != old.4
