-- Retention deletes trigger firings by the time of the event that fired them, site by site in
-- small chunks; this lets each chunk find its rows without reading the whole table. (Retention's
-- other indexes are in 060; this table only exists from 070 on.)
CREATE INDEX trigger_firings_site_event_ts ON trigger_firings (site, event_ts);
