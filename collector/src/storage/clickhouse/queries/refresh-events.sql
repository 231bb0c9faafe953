-- Re-inserts every event of the visitors being refreshed, under a new version, with its person,
-- its server session and whether it is a counted conversion. Same definitions as the SQLite
-- engine (insert-visitor-links, update-event-persons, assign-event-sessions, counted_conversions):
--   * a visitor is linked to the user id of its first identify event by (ts, id);
--   * the person of an event is its own user id, else the visitor's linked user id, else
--     'anon:' || anonymous id (explicit person merges are not kept on ClickHouse yet);
--   * events are ordered by (ts, id); an event starts a session when it is the visitor's first,
--     when at least {timeout_ms} passed since the previous one, when its person differs from the
--     previous event's, or (with {split_on_campaign}) when it carries campaign fields other than
--     the session's current campaign: those of the latest earlier event that started a session or
--     carried campaign fields;
--   * the key of a session is the id of its first event;
--   * a conversion counts when it is human and has no order id, or is its order's first human
--     conversion by (ts, id) ({first_ids}; the SQLite engine breaks exact ties by arrival order).
-- ClickHouse 18.16 has no window functions, so each visitor's events are one sorted array, and a
-- "latest earlier position with a property" is found in O(n) through a running count: the k-th
-- position of the filtered list of such positions.
INSERT INTO {table:events}
SELECT site, id, event, ts, client_ts, received_at, anonymous_id, user_id, session_id, session_start,
       platform, url, path, title, referrer, referrer_host, utm_source, utm_medium, utm_campaign,
       utm_term, utm_content, utm_id, click_id_type, click_id, scene, source, medium, channel,
       first_touch, browser, browser_version, os, device_type, ip, is_bot, props, goal, revenue,
       currency, order_id, flags, dictionary_version,
       d_person AS person_id, d_session AS session_key,
       toUInt8(event = 'conversion' AND is_bot = 0 AND (order_id IS NULL OR has({first_ids:Array(String)}, id))) AS counted,
       {version:UInt64} AS version
FROM (
  SELECT * FROM {table:events} FINAL
  WHERE site = {site:String} AND anonymous_id IN {visitors:Array(String)}
) AS e
ANY INNER JOIN (
  SELECT anonymous_id, tupleElement(d, 1) AS id, tupleElement(d, 2) AS d_person, tupleElement(d, 3) AS d_session
  FROM (
    -- One level: 18.16 loses columns that a lambda captures across a subquery boundary.
    SELECT anonymous_id,
           arraySort(groupArray((ts, id, ifNull(user_id, ''), event = 'identify' AND user_id IS NOT NULL,
             -- The campaign fields, '' when there are none (a NULL field stays distinct from '').
             if(coalesce(utm_source, utm_medium, utm_campaign, click_id) IS NULL, '',
                concat(ifNull(concat('s', utm_source), 'n'), '\x01', ifNull(concat('s', utm_medium), 'n'), '\x01',
                       ifNull(concat('s', utm_campaign), 'n'), '\x01', ifNull(concat('s', click_id), 'n')))))) AS evs,
           arrayEnumerate(evs) AS idx,
           arrayMap(x -> tupleElement(x, 1), evs) AS tss,
           arrayMap(x -> tupleElement(x, 2), evs) AS ids,
           arrayMap(x -> tupleElement(x, 5), evs) AS camps,
           tupleElement(arrayFirst(x -> tupleElement(x, 4), evs), 3) AS linked,
           arrayMap(x -> tupleElement(x, 3) != '' ? tupleElement(x, 3)
                         : (linked != '' ? linked : concat('anon:', anonymous_id)), evs) AS persons,
           -- Starts: the first event, a gap of the timeout or more, or another person.
           arrayMap(i -> i = 1 OR tss[i] - tss[i - 1] >= {timeout_ms:Int64} OR persons[i] != persons[i - 1], idx) AS hard,
           -- Positions of events that started a session (hard) or carried campaign fields.
           arrayFilter((i, h) -> h OR camps[i] != '', idx, hard) AS tagged,
           arrayCumSum(arrayMap((i, h) -> toUInt32(h OR camps[i] != ''), idx, hard)) AS tagged_upto,
           arrayMap(i -> {split_on_campaign:UInt8} = 1 AND camps[i] != ''
                         AND camps[i] != if(i > 1 AND tagged_upto[i - 1] > 0, camps[tagged[tagged_upto[i - 1]]], ''),
                    idx) AS camp_start,
           arrayMap((h, c) -> toUInt32(h OR c), hard, camp_start) AS starts,
           arrayFilter((i, s) -> s = 1, idx, starts) AS start_positions,
           arrayMap(n -> ids[start_positions[n]], arrayCumSum(starts)) AS keys,
           arrayMap((a, b, c) -> (a, b, c), ids, persons, keys) AS derived
    FROM {table:events} FINAL
    WHERE site = {site:String} AND anonymous_id IN {visitors:Array(String)}
    GROUP BY anonymous_id
  )
  ARRAY JOIN derived AS d
) AS x USING (anonymous_id, id)
