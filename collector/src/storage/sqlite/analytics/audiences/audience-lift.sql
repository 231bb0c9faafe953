-- Conversion of the exported members against the holdout over [@from, @to):
--   exported  persons handed to a channel (CSV or webhook) before @to
--   holdout   holdout members whose spell overlaps the range and who meet the consent policy
--             now (so both groups are drawn from persons who could be contacted)
-- A person converts with a counted conversion (humans, one per order) in the range, of goal
-- @goal when given.
WITH grp AS (
  SELECT 'exported' AS name, d.person_id FROM audience_delivered d
  WHERE d.site = @site AND d.audience_id = @audience_id AND d.first_at < @to
  UNION
  SELECT 'holdout', m.person_id FROM audience_members m
  LEFT JOIN consent_state c ON c.site = m.site AND c.person_id = m.person_id
  WHERE m.site = @site AND m.audience_id = @audience_id AND m.holdout = 1
    AND m.joined_at < @to AND (m.left_at IS NULL OR m.left_at > @from)
    AND (c.granted = 1 OR (c.granted IS NULL AND @policy = 'not_withdrawn'))
)
SELECT g.name, count(DISTINCT g.person_id) AS persons,
       count(DISTINCT CASE WHEN EXISTS (
         SELECT 1 FROM counted_conversions cc
         WHERE cc.site = @site AND cc.person_id = g.person_id AND cc.ts >= @from AND cc.ts < @to
           AND (@goal IS NULL OR cc.goal = @goal)
       ) THEN g.person_id END) AS converted
FROM grp g
GROUP BY g.name
