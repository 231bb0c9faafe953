-- Identities of the audience's current members, of the types in @types (JSON array), most
-- recently seen first per type: the export takes the first of each.
SELECT i.person_id AS personId, i.type, i.value
FROM identities i
WHERE i.site = @site
  AND i.type IN (SELECT value FROM json_each(@types))
  AND i.person_id IN (
    SELECT m.person_id FROM audience_members m
    WHERE m.site = @site AND m.audience_id = @audience_id AND m.left_at IS NULL AND m.holdout = 0
  )
ORDER BY i.person_id, i.type, i.last_seen DESC, i.value
