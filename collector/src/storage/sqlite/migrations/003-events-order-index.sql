-- Finds earlier conversions of the same order, so an order converts once.
CREATE INDEX events_site_order ON events (site, order_id) WHERE order_id IS NOT NULL;
