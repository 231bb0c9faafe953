-- A person's consent is now worked out in audiences/consent.ts on both engines: the latest
-- statement from identify traits (read by the storage engine) and API records (here), by time.
-- The view that did it over SQLite's events is read by nothing any more.
DROP VIEW IF EXISTS consent_state;
