-- One row per session of the refreshed visitors. Entry attribution (source, medium, campaign,
-- content, term, channel) and device come from the session's first event only: later events
-- (an internal referrer, a payment provider's redirect back) never re-attribute the session.
-- The landing path is that of the first page view, else of the first event. Conversions are
-- counted as reports count them (counted_conversions: humans, one per order). Engaged follows
-- GA4: at least 10 s between first and last event, or a conversion, or two page views.
-- lnd_* start equal to the entry attribution; update-person-lnd fixes direct sessions.
INSERT INTO sessions (
  site, session_key, anonymous_id, person_id, start_ts, end_ts, events, pageviews, conversions,
  landing_path, source, medium, campaign, content, term, channel,
  lnd_source, lnd_medium, lnd_campaign, lnd_channel,
  device_type, browser, os, platform, engaged, is_bot, too_long
)
WITH totals AS (
  SELECT s.session_key, MIN(e.ts) AS start_ts, MAX(e.ts) AS end_ts, COUNT(*) AS n_events,
         SUM(e.event = 'page_view') AS pageviews, MAX(e.is_bot) AS any_bot,
         SUM(CASE WHEN e.event = 'conversion' THEN EXISTS (SELECT 1 FROM counted_conversions c WHERE c.seq = e.seq) ELSE 0 END) AS n_conversions
  FROM event_sessions s
  CROSS JOIN events e ON e.seq = s.seq
  GROUP BY s.session_key
),
-- The first page view by (ts, id): with one MIN() aggregate, SQLite takes the bare column
-- `path` from the row holding the minimum.
landings AS (
  SELECT s.session_key, e.path, MIN(printf('%016d', e.ts) || e.id) AS first_view
  FROM event_sessions s
  CROSS JOIN events e ON e.seq = s.seq
  WHERE e.event = 'page_view'
  GROUP BY s.session_key
)
-- The session key is the id of the first event, which carries the entry attribution.
SELECT f.site, t.session_key, f.anonymous_id, f.person_id, t.start_ts, t.end_ts, t.n_events, t.pageviews, t.n_conversions,
       COALESCE(l.path, f.path), f.source, f.medium, f.utm_campaign, f.utm_content, f.utm_term, f.channel,
       f.source, f.medium, f.utm_campaign, f.channel,
       f.device_type, f.browser, f.os, f.platform,
       (t.end_ts - t.start_ts >= 10000 OR t.n_conversions >= 1 OR t.pageviews >= 2),
       t.any_bot,
       (t.end_ts - t.start_ts > @bot_session_max_ms)
FROM totals t
CROSS JOIN events AS f INDEXED BY events_site_id ON f.site = @site AND f.id = t.session_key
LEFT JOIN landings l ON l.session_key = t.session_key
