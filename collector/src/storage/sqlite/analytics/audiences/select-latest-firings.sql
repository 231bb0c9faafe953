-- The time of the event behind each listed person's latest firing of a trigger (the once-per
-- window rule). @persons is a JSON array of person ids.
SELECT person_id AS personId, max(event_ts) AS eventTs
FROM trigger_firings
WHERE site = @site AND trigger_id = @trigger_id AND person_id IN (SELECT value FROM json_each(@persons))
GROUP BY person_id
