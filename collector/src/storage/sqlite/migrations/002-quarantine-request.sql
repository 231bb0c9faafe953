-- Request facts a replay needs to enrich a quarantined event as ingest would have: the user agent
-- and the already anonymized IP (JSON `{ "userAgent", "ip" }`). Never the full IP.
ALTER TABLE quarantine ADD COLUMN request TEXT;
-- 'event': the payload is one event and a replay may accept it; 'body': the whole request body
-- was unreadable or its envelope invalid, kept for inspection only.
ALTER TABLE quarantine ADD COLUMN scope TEXT NOT NULL DEFAULT 'event';
