-- Persons of the refreshed visitors' events (after person_id was recomputed).
INSERT OR IGNORE INTO refresh_persons (site, person_id)
SELECT DISTINCT e.site, e.person_id
FROM refresh_visitors r
CROSS JOIN events AS e INDEXED BY events_site_anon_ts ON e.site = r.site AND e.anonymous_id = r.anonymous_id
WHERE r.site = @site
