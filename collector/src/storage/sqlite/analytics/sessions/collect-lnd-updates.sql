-- Step 1 of 2 (apply-lnd-updates writes the result). GA4 "last non-direct": a direct session
-- (source '(direct)') takes the source of the person's most recent non-direct session that
-- started at most @lookback_ms before it (boundary included), on any of the person's devices;
-- any other session keeps its own. Sessions are ordered by (start_ts, session_key); a running
-- count of non-direct sessions gives each direct session the number of the latest non-direct
-- one before it, which is then found by that number. Only changed values are kept.
INSERT INTO lnd_updates (session_key, lnd_source, lnd_medium, lnd_campaign, lnd_channel)
WITH mine AS (
  SELECT s.session_key, s.person_id, s.start_ts, s.source, s.medium, s.campaign, s.channel,
         s.lnd_source, s.lnd_medium, s.lnd_campaign, s.lnd_channel,
         (s.source <> '(direct)') AS non_direct,
         SUM(s.source <> '(direct)') OVER (PARTITION BY s.person_id ORDER BY s.start_ts, s.session_key
                                           ROWS UNBOUNDED PRECEDING) AS g
  FROM refresh_persons p
  CROSS JOIN sessions AS s INDEXED BY sessions_site_person ON s.site = p.site AND s.person_id = p.person_id
  WHERE p.site = @site
),
computed AS (
  SELECT d.session_key, d.lnd_source AS old_source, d.lnd_medium AS old_medium, d.lnd_campaign AS old_campaign, d.lnd_channel AS old_channel,
         CASE WHEN n.session_key IS NULL THEN d.source ELSE n.source END AS new_source,
         CASE WHEN n.session_key IS NULL THEN d.medium ELSE n.medium END AS new_medium,
         CASE WHEN n.session_key IS NULL THEN d.campaign ELSE n.campaign END AS new_campaign,
         CASE WHEN n.session_key IS NULL THEN d.channel ELSE n.channel END AS new_channel
  FROM mine d
  LEFT JOIN mine n ON NOT d.non_direct AND n.non_direct AND n.person_id = d.person_id AND n.g = d.g
                  AND d.start_ts - n.start_ts <= @lookback_ms
)
SELECT session_key, new_source, new_medium, new_campaign, new_channel
FROM computed
WHERE new_source IS NOT old_source OR new_medium IS NOT old_medium
   OR new_campaign IS NOT old_campaign OR new_channel IS NOT old_channel
