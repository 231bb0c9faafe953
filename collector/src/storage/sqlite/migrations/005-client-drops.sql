-- Events an SDK had to drop (oldest first) because its offline queue was full, as reported in the
-- `dropped` field of a batch envelope. A drop is data loss the collector never saw: it is counted
-- here so that it is reported instead of silent.
CREATE TABLE client_drops (
  site TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  anonymous_id TEXT,
  dropped INTEGER NOT NULL
);
CREATE INDEX client_drops_site_time ON client_drops (site, received_at);
