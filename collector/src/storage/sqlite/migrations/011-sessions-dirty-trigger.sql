-- Every stored event marks its visitor for the next refresh of sessions and persons. A trigger
-- does it inside the transaction that stores the event, so ingest needs no code for it and a
-- crash can never leave an event stored but its visitor unmarked. INSERT OR IGNORE: a visitor
-- already marked stays marked once.
CREATE TRIGGER events_mark_visitor_dirty AFTER INSERT ON events
BEGIN
  INSERT OR IGNORE INTO dirty_visitors (site, anonymous_id) VALUES (NEW.site, NEW.anonymous_id);
END;
-- Identify events of a site: the refresh reads every claim on an identity (user id, phone,
-- unionid…) to decide who claimed it first.
CREATE INDEX events_site_identify ON events (site, ts, id) WHERE event = 'identify';
