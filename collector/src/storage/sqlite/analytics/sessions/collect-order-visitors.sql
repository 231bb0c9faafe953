-- Whether a conversion counts depends on earlier conversions of the same order id, possibly sent
-- from another visitor (device). Those visitors' session conversion counts may change too.
INSERT OR IGNORE INTO refresh_visitors (site, anonymous_id)
SELECT DISTINCT o.site, o.anonymous_id
FROM refresh_visitors r
CROSS JOIN events AS c INDEXED BY events_site_anon_ts ON c.site = r.site AND c.anonymous_id = r.anonymous_id
CROSS JOIN events o ON o.site = c.site AND o.order_id = c.order_id
WHERE r.site = @site AND c.order_id IS NOT NULL AND c.event = 'conversion' AND o.event = 'conversion'
