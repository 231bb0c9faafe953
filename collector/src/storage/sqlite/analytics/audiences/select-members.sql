-- Membership spells, current ones first, then by person.
SELECT person_id AS personId, joined_at AS joinedAt, left_at AS leftAt, holdout FROM audience_members
WHERE site = @site AND audience_id = @audience_id AND (@current = 0 OR left_at IS NULL)
ORDER BY left_at IS NOT NULL, person_id, joined_at
LIMIT @limit OFFSET @offset
