-- The members that may leave the collector: current, not in the holdout, and with consent
-- (@policy 'granted': latest statement true; 'not_withdrawn': also those who never said).
-- Anyone whose latest statement is false is never exportable.
SELECT m.person_id AS personId
FROM audience_members m
LEFT JOIN consent_state c ON c.site = m.site AND c.person_id = m.person_id
WHERE m.site = @site AND m.audience_id = @audience_id AND m.left_at IS NULL AND m.holdout = 0
  AND (c.granted = 1 OR (c.granted IS NULL AND @policy = 'not_withdrawn'))
ORDER BY m.person_id
