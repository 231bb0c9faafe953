-- An anonymous id is linked to the user id of its first identify event (by event time, then event
-- id, never arrival order): first link wins, later identifies as another user do not move it.
INSERT INTO identity_links (site, anonymous_id, user_id, linked_at)
SELECT site, anonymous_id, user_id, ts
FROM (
  SELECT e.site, e.anonymous_id, e.user_id, e.ts,
         ROW_NUMBER() OVER (PARTITION BY e.anonymous_id ORDER BY e.ts, e.id) AS k
  FROM refresh_visitors r
  CROSS JOIN events AS e INDEXED BY events_site_anon_ts ON e.site = r.site AND e.anonymous_id = r.anonymous_id
  WHERE r.site = @site AND e.event = 'identify' AND e.user_id IS NOT NULL
)
WHERE k = 1
