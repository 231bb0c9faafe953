-- Retention deletes by age, site by site, in small chunks: these let each chunk find its rows
-- without reading the whole table.
CREATE INDEX sessions_site_end ON sessions (site, end_ts);
CREATE INDEX quarantine_site_received ON quarantine (site, received_at);
