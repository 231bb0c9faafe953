-- Persons per value of a tag, most common first.
SELECT value, count(*) AS persons, max(computed_at) AS computedAt
FROM person_tags WHERE site = @site AND tag_id = @tag_id
GROUP BY value ORDER BY persons DESC, value
LIMIT 200
