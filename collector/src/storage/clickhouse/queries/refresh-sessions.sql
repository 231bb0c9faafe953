-- One row per session of the visitors being refreshed, from their events as refresh-events just
-- wrote them. Same definitions as the SQLite engine's insert-visitor-sessions: entry attribution
-- and device from the session's first event by (ts, id); landing path of the first page view,
-- else of the first event; conversions are counted ones; engaged = at least 10 s, or a
-- conversion, or two page views; last non-direct starts equal to the entry attribution
-- (refresh-lnd fixes direct sessions).
INSERT INTO {table:sessions}
SELECT site, key AS session_key, visitor AS anonymous_id, f.11 AS person_id, start_ts, end_ts, n_events, n_pageviews, n_conversions,
       if(first_view.1 = 1, first_view.2, f.12) AS landing_path,
       f.1 AS source, f.2 AS medium, f.3 AS campaign, f.4 AS content, f.5 AS term, f.6 AS channel,
       f.1 AS lnd_source, f.2 AS lnd_medium, f.3 AS lnd_campaign, f.6 AS lnd_channel,
       f.7 AS device_type, f.8 AS browser, f.9 AS os, f.10 AS platform,
       toUInt8(end_ts - start_ts >= 10000 OR n_conversions >= 1 OR n_pageviews >= 2) AS engaged,
       any_bot AS is_bot,
       toUInt8(end_ts - start_ts > {bot_session_max_ms:Int64}) AS too_long,
       toUInt8(0) AS deleted,
       {version:UInt64} AS version
FROM (
  SELECT site, assumeNotNull(session_key) AS key, any(anonymous_id) AS visitor,
         min(ts) AS start_ts, max(ts) AS end_ts, toUInt32(count()) AS n_events,
         toUInt32(countIf(event = 'page_view')) AS n_pageviews,
         toUInt32(sum(counted)) AS n_conversions, max(is_bot) AS any_bot,
         argMin(tuple(source, medium, utm_campaign, utm_content, utm_term, channel, device_type, browser, os,
                      platform, assumeNotNull(person_id), path), (ts, id)) AS f,
         -- (1, path) of the first page view, or (0, NULL) when the session has none.
         argMin(tuple(toUInt8(event = 'page_view'), path), (event != 'page_view', ts, id)) AS first_view
  FROM {table:events} FINAL
  WHERE site = {site:String} AND anonymous_id IN {visitors:Array(String)} AND version = {version:UInt64}
  GROUP BY site, session_key
)
