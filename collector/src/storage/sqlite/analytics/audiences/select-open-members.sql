-- Current members (open spells) of an audience.
SELECT person_id AS personId, holdout FROM audience_members
WHERE site = @site AND audience_id = @audience_id AND left_at IS NULL
