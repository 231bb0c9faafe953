-- The funnel query reads, per person in time order, the event name, session and bot flag of
-- every funnel event. This index holds all of them in that order, so a funnel over a long range
-- is one pass over the index with no table lookups and no sort for GROUP BY person_id
-- (measured: about 4× faster than a (site, ts) range scan plus a sort, at 100 000 events).
CREATE INDEX events_site_person_funnel ON events (site, person_id, ts, event, session_key, is_bot);
