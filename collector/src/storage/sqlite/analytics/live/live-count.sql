-- Events received for a site since @since (epoch ms), for the dashboard's live counter and the
-- set-up page's "events received" check. Bots are counted apart, not dropped: a developer
-- testing the snippet with a headless browser must still see their events arrive.
-- The (site, ts) index narrows the scan to events whose time is at most @lookback ms before
-- @since: ts is skew-corrected, so a fresh event's ts is close to its received_at; only events
-- queued offline for longer than the look-back are left out of this count.
SELECT
  COUNT(*) AS events,
  COALESCE(SUM(is_bot), 0) AS bots,
  MAX(received_at) AS last_received_at
FROM events
WHERE site = @site
  AND ts >= @since - @lookback
  AND received_at >= @since
