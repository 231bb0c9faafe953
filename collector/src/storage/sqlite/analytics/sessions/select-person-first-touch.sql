-- The SDK's first-touch fields as sent with the person's earliest event that carries them.
SELECT first_touch, ts FROM events
WHERE site = @site AND person_id = @person AND first_touch IS NOT NULL
ORDER BY ts, id LIMIT 1
