-- A person's tag values, with each tag's names.
SELECT p.tag_id AS id, p.value, p.computed_at, t.definition
FROM person_tags p JOIN tags t ON t.site = p.site AND t.id = p.tag_id
WHERE p.site = @site AND p.person_id = @person_id
ORDER BY p.tag_id
