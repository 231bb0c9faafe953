-- The identities owned by the persons in @person_ids (JSON array), of the types in @types (JSON
-- array), most recently seen first per person and type: the export (export-rows.ts) takes the
-- first of each.
SELECT i.person_id AS personId, i.type, i.value
FROM identities i
WHERE i.site = @site
  AND i.person_id IN (SELECT value FROM json_each(@person_ids))
  AND i.type IN (SELECT value FROM json_each(@types))
ORDER BY i.person_id, i.type, i.last_seen DESC, i.value
