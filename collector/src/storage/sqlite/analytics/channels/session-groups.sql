-- Sessions that started in [@from, @to), humans only (no bot event, not longer than the bot
-- limit), narrowed by the session filters and grouped by a session dimension @dim (NULL: one
-- group "(all)" of every session that passes the filters). A session is grouped by its entry
-- attribution (the source of its first event), so later internal referrers never move it. Page
-- views, engaged sessions and conversions are those of the grouped sessions, whenever in the
-- session they happened. Revenue comes back per currency as a JSON array, rounded to 4 decimals
-- (no currency has more minor units) to drop binary float noise.
--
-- Each filter @f_<dimension> is NULL (no filter) or a JSON array of the values allowed, compared
-- with the same value the session is grouped by ("(not set)" matches a missing value). @dim and
-- the filter names are fixed (checked by the caller); no text is ever spliced in.
WITH d AS MATERIALIZED (
  SELECT session_key, person_id, pageviews, engaged, conversions,
         COALESCE(NULLIF(channel, ''), '(not set)') AS channel,
         COALESCE(NULLIF(source || ' / ' || medium, ''), '(not set)') AS source_medium,
         COALESCE(NULLIF(COALESCE(NULLIF(campaign, ''), CASE WHEN source = '(direct)' THEN '(direct)' END), ''), '(not set)') AS campaign,
         COALESCE(NULLIF(content, ''), '(not set)') AS content,
         COALESCE(NULLIF(device_type, ''), '(not set)') AS device_type,
         COALESCE(NULLIF(browser, ''), '(not set)') AS browser,
         COALESCE(NULLIF(os, ''), '(not set)') AS os,
         COALESCE(NULLIF(landing_path, ''), '(not set)') AS landing_page
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
),
s AS MATERIALIZED (
  SELECT session_key, person_id, pageviews, engaged, conversions,
         CASE COALESCE(@dim, '(all)')
           WHEN '(all)' THEN '(all)'
           WHEN 'channel' THEN channel
           WHEN 'source_medium' THEN source_medium
           WHEN 'campaign' THEN campaign
           WHEN 'content' THEN content
           WHEN 'device_type' THEN device_type
           WHEN 'browser' THEN browser
           WHEN 'os' THEN os
           WHEN 'landing_page' THEN landing_page
         END AS grp
  FROM d
  WHERE (@f_channel IS NULL OR channel IN (SELECT value FROM json_each(@f_channel)))
    AND (@f_source_medium IS NULL OR source_medium IN (SELECT value FROM json_each(@f_source_medium)))
    AND (@f_campaign IS NULL OR campaign IN (SELECT value FROM json_each(@f_campaign)))
    AND (@f_content IS NULL OR content IN (SELECT value FROM json_each(@f_content)))
    AND (@f_device_type IS NULL OR device_type IN (SELECT value FROM json_each(@f_device_type)))
    AND (@f_browser IS NULL OR browser IN (SELECT value FROM json_each(@f_browser)))
    AND (@f_os IS NULL OR os IN (SELECT value FROM json_each(@f_os)))
    AND (@f_landing_page IS NULL OR landing_page IN (SELECT value FROM json_each(@f_landing_page)))
),
-- The counted conversions of the grouped sessions, for their revenue, read once (the view's
-- order check runs per conversion; joining the view per session instead took seconds at 100k
-- events). Their number per session is already in sessions.conversions.
cc AS MATERIALIZED (
  SELECT c.session_key, c.currency, c.revenue
  FROM counted_conversions c
  -- A session's conversions happen after it started, so `ts >= @from` lets the time index help.
  WHERE c.site = @site AND c.ts >= @from AND c.session_key IN (SELECT session_key FROM s)
),
rev AS (
  SELECT s.grp, cc.currency, ROUND(SUM(cc.revenue), 4) AS amount
  FROM cc JOIN s ON s.session_key = cc.session_key
  WHERE cc.currency IS NOT NULL AND cc.revenue IS NOT NULL
  GROUP BY s.grp, cc.currency
),
rev_json AS MATERIALIZED (
  SELECT grp, json_group_array(json_object('currency', currency, 'amount', amount)) AS revenue
  FROM rev
  GROUP BY grp
),
grouped AS (
  SELECT s.grp AS key,
         COUNT(*) AS sessions,
         COUNT(DISTINCT s.person_id) AS users,
         SUM(s.pageviews) AS pageviews,
         SUM(s.engaged) AS engaged_sessions,
         SUM(s.conversions) AS conversions,
         SUM(s.conversions > 0) AS converting_sessions
  FROM s
  GROUP BY s.grp
)
-- Revenue is joined once per group (a correlated subquery here recomputed it for every group).
SELECT g.*, COALESCE(r.revenue, '[]') AS revenue
FROM grouped g LEFT JOIN rev_json r ON r.grp = g.key
