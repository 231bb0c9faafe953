-- Sessions that started in [{from}, {to}), humans only (no bot event, not longer than the bot
-- limit), narrowed by the session filters and grouped by a session dimension {dim} ('(all)': one
-- group of every session that passes the filters). As the SQLite statement of the same name: a
-- session is grouped by its entry attribution, "(not set)" stands for a missing value, and page
-- views, engaged sessions and conversions are those of the grouped sessions, whenever in the
-- session they happened. Revenue comes back per currency as [currency, amount] pairs sorted by
-- currency, rounded to 4 decimals (no currency has more minor units) to drop binary float noise.
--
-- With {dim} = '(window)' the groups are windows instead: window i is [{starts}[i], {ends}[i])
-- (1-based), all inside [{from}, {to}); a session belongs to every window its start falls in, so
-- windows may overlap (alert previews read many windows at once). Otherwise {starts} is unused.
--
-- {filter} names the filtered dimensions; {f_<dimension>} holds the values allowed for each,
-- compared with the same value the session is grouped by ("(not set)" matches a missing value).
-- The casts give an empty array a type (18.16 refuses has() on a bare []).
--
-- Sessions and events are both sharded by visitor, so a session's conversions sit on its shard:
-- on a cluster each shard joins its own events (distributed_product_mode = 'local').
SELECT key, n_sessions AS sessions, n_users AS users, n_pageviews AS pageviews,
       n_engaged AS engaged_sessions, n_conversions AS conversions, n_converting AS converting_sessions,
       arrayMap(c -> (c, round(arraySum(arrayMap(p -> p.2, arrayFilter(p -> p.1 = c, pairs))), 4)),
                arraySort(arrayDistinct(arrayMap(p -> p.1, pairs)))) AS revenue
FROM (
  WITH CAST({filter:Array(String)} AS Array(String)) AS filtered,
       if(channel = '', '(not set)', channel) AS d_channel,
       concat(source, ' / ', medium) AS d_source_medium,
       multiIf(ifNull(campaign, '') != '', assumeNotNull(campaign), source = '(direct)', '(direct)', '(not set)') AS d_campaign,
       coalesce(nullIf(content, ''), '(not set)') AS d_content,
       coalesce(nullIf(device_type, ''), '(not set)') AS d_device_type,
       coalesce(nullIf(browser, ''), '(not set)') AS d_browser,
       coalesce(nullIf(os, ''), '(not set)') AS d_os,
       coalesce(nullIf(landing_path, ''), '(not set)') AS d_landing_page
  SELECT multiIf({dim:String} = 'channel', d_channel,
                 {dim:String} = 'source_medium', d_source_medium,
                 {dim:String} = 'campaign', d_campaign,
                 {dim:String} = 'content', d_content,
                 {dim:String} = 'device_type', d_device_type,
                 {dim:String} = 'browser', d_browser,
                 {dim:String} = 'os', d_os,
                 {dim:String} = 'landing_page', d_landing_page,
                 {dim:String} = '(window)', toString(w),
                 '(all)') AS key,
         count() AS n_sessions,
         uniqExact(person_id) AS n_users,
         sum(pageviews) AS n_pageviews,
         sum(engaged) AS n_engaged,
         sum(conversions) AS n_conversions,
         countIf(conversions > 0) AS n_converting,
         groupArrayArray(session_pairs) AS pairs
  FROM {table:sessions} FINAL
  -- The counted conversions with revenue of each session, as (currency, revenue) pairs. A
  -- session's conversions happen after it started, so `ts >= {from}` loses none.
  ANY LEFT JOIN (
    SELECT session_key, groupArray((assumeNotNull(currency), assumeNotNull(revenue))) AS session_pairs
    FROM {table:events} FINAL
    WHERE site = {site:String} AND counted = 1 AND ts >= {from:Int64}
      AND currency IS NOT NULL AND revenue IS NOT NULL
    GROUP BY session_key
  ) USING session_key
  -- One row per window holding the session's start (every session once, as window 0, otherwise).
  ARRAY JOIN if({dim:String} = '(window)',
                arrayFilter(i -> start_ts >= {starts:Array(Int64)}[i] AND start_ts < {ends:Array(Int64)}[i], arrayEnumerate({starts:Array(Int64)})),
                [0]) AS w
  WHERE site = {site:String} AND deleted = 0 AND start_ts >= {from:Int64} AND start_ts < {to:Int64}
    AND is_bot = 0 AND too_long = 0
    AND (NOT has(filtered, 'channel') OR has(CAST({f_channel:Array(String)} AS Array(String)), d_channel))
    AND (NOT has(filtered, 'source_medium') OR has(CAST({f_source_medium:Array(String)} AS Array(String)), d_source_medium))
    AND (NOT has(filtered, 'campaign') OR has(CAST({f_campaign:Array(String)} AS Array(String)), d_campaign))
    AND (NOT has(filtered, 'content') OR has(CAST({f_content:Array(String)} AS Array(String)), d_content))
    AND (NOT has(filtered, 'device_type') OR has(CAST({f_device_type:Array(String)} AS Array(String)), d_device_type))
    AND (NOT has(filtered, 'browser') OR has(CAST({f_browser:Array(String)} AS Array(String)), d_browser))
    AND (NOT has(filtered, 'os') OR has(CAST({f_os:Array(String)} AS Array(String)), d_os))
    AND (NOT has(filtered, 'landing_page') OR has(CAST({f_landing_page:Array(String)} AS Array(String)), d_landing_page))
  GROUP BY key
)
SETTINGS distributed_product_mode = 'local'
