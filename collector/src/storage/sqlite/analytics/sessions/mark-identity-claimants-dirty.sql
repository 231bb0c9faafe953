-- Before a person's identities are deleted: visitors of other persons whose identify events also
-- claim one of them, so the refresh hands each identity to its next claimant.
INSERT OR IGNORE INTO dirty_visitors (site, anonymous_id)
SELECT DISTINCT e.site, e.anonymous_id
FROM events e
WHERE e.site = @site AND e.event = 'identify' AND e.person_id IS NOT @person
  AND (
    e.user_id IN (SELECT value FROM identities WHERE site = @site AND person_id = @person AND type = 'user_id')
    OR (json_valid(e.props) AND EXISTS (
      SELECT 1 FROM json_each(e.props, '$."$identities"') AS j
      JOIN identities i ON i.site = @site AND i.person_id = @person AND i.type = j.key AND i.value = j.value
    ))
  )
