-- A person exists while it has events (identities and sessions derive from them).
SELECT EXISTS (SELECT 1 FROM events WHERE site = @site AND person_id = @person) AS found
