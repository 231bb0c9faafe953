-- The anonymous ids (devices, browsers) with events of the person; `shared` when the same
-- anonymous id also has events of someone else (a shared device).
SELECT e.anonymous_id, MIN(e.ts) AS first_seen, MAX(e.ts) AS last_seen, COUNT(*) AS events,
       EXISTS (SELECT 1 FROM events o
               WHERE o.site = e.site AND o.anonymous_id = e.anonymous_id AND o.person_id IS NOT @person) AS shared
FROM events e
WHERE e.site = @site AND e.person_id = @person
GROUP BY e.anonymous_id
ORDER BY first_seen, e.anonymous_id
