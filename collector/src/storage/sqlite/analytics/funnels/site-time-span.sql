-- First and last event time of a site: two lookups at the ends of the (site, ts) index.
SELECT (SELECT min(ts) FROM events WHERE site = @site) AS first_ts,
       (SELECT max(ts) FROM events WHERE site = @site) AS last_ts
