INSERT OR REPLACE INTO audience_pushed (site, audience_id, person_id, pushed_at)
VALUES (@site, @audience_id, @person_id, @now)
