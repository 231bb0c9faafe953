-- Reports look up conversions by time far more often than any other event: a partial index
-- holds only conversion events, so "conversions in a range" no longer walks every page view.
-- The view counted_conversions filters on event = 'conversion', which lets SQLite use it.
CREATE INDEX events_site_conversion_ts ON events (site, ts) WHERE event = 'conversion';
