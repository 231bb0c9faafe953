-- Persons per value of a tag's run {run}, most common first (ties by value, byte order).
SELECT value, count() AS persons, max(computed_at) AS computedAt
FROM {table:person_tags} FINAL
WHERE site = {site:String} AND tag_id = {tag_id:String} AND run = {run:UInt64}
GROUP BY value
ORDER BY persons DESC, value
LIMIT 200
