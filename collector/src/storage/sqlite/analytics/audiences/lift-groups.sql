-- The two groups of the lift report over [@from, @to) (audience-lift.ts):
--   exported  persons handed to a channel (CSV or webhook) before @to
--   holdout   holdout members whose spell overlaps the range; the caller keeps those who meet the
--             consent policy now, so both groups are drawn from persons who could be contacted
SELECT 'exported' AS name, d.person_id AS personId FROM audience_delivered d
WHERE d.site = @site AND d.audience_id = @audience_id AND d.first_at < @to
UNION
SELECT 'holdout', m.person_id FROM audience_members m
WHERE m.site = @site AND m.audience_id = @audience_id AND m.holdout = 1
  AND m.joined_at < @to AND (m.left_at IS NULL OR m.left_at > @from)
