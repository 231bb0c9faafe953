-- Events received for a site since {since} (epoch ms), for the dashboard's live counter and the
-- set-up page's "events received" check, as the SQLite statement of the same name: bots are
-- counted apart, not dropped, and only events whose time is at most {lookback} ms before {since}
-- are looked at (ts is skew-corrected, so a fresh event's ts is close to its received_at).
-- max() of no rows is 0 in ClickHouse; the answer then is NULL, as in SQL.
SELECT count() AS events,
       sum(is_bot) AS bots,
       if(count() = 0, NULL, max(received_at)) AS last_received_at
FROM {table:events} FINAL
WHERE site = {site:String} AND ts >= {since:Int64} - {lookback:Int64} AND received_at >= {since:Int64}
