INSERT INTO audience_members (site, audience_id, person_id, joined_at, left_at, holdout)
VALUES (@site, @audience_id, @person_id, @now, NULL, @holdout)
