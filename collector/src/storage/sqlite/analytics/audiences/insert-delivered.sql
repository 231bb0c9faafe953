-- A person handed to a channel for the first time (later deliveries keep the first time).
INSERT OR IGNORE INTO audience_delivered (site, audience_id, person_id, first_at)
VALUES (@site, @audience_id, @person_id, @now)
