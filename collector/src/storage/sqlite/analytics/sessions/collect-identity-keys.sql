-- Identities claimed by the refreshed visitors' identify events: the user id itself and each
-- typed identity in props.$identities (phone and email arrive hashed).
INSERT OR IGNORE INTO refresh_identity_keys (site, type, value)
SELECT e.site, 'user_id', e.user_id
FROM refresh_visitors r
CROSS JOIN events AS e INDEXED BY events_site_anon_ts ON e.site = r.site AND e.anonymous_id = r.anonymous_id
WHERE r.site = @site AND e.event = 'identify' AND e.user_id IS NOT NULL
UNION
SELECT e.site, j.key, j.value
FROM refresh_visitors r
CROSS JOIN events AS e INDEXED BY events_site_anon_ts ON e.site = r.site AND e.anonymous_id = r.anonymous_id,
     json_each(e.props, '$."$identities"') AS j
WHERE r.site = @site AND e.event = 'identify' AND json_valid(e.props) AND j.type = 'text' AND j.value <> ''
