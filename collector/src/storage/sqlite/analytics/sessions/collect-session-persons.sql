-- Persons of the refreshed visitors' current sessions (before they are recomputed).
INSERT OR IGNORE INTO refresh_persons (site, person_id)
SELECT DISTINCT s.site, s.person_id
FROM refresh_visitors r
CROSS JOIN sessions AS s INDEXED BY sessions_site_anon ON s.site = r.site AND s.anonymous_id = r.anonymous_id
WHERE r.site = @site
