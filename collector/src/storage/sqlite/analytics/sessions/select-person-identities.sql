SELECT type, value, first_seen, last_seen
FROM identities WHERE site = @site AND person_id = @person
ORDER BY type, value
