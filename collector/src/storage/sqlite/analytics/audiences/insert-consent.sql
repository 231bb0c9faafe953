-- A consent statement made over the API; the same person and millisecond replaces it.
INSERT OR REPLACE INTO consent_records (site, person_id, ts, granted, source)
VALUES (@site, @person_id, @ts, @granted, @source)
