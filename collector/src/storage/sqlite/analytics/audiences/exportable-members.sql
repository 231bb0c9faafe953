-- The members that may leave the collector once their consent allows it (export-rows.ts applies
-- the policy): current and not in the holdout.
SELECT m.person_id AS personId
FROM audience_members m
WHERE m.site = @site AND m.audience_id = @audience_id AND m.left_at IS NULL AND m.holdout = 0
ORDER BY m.person_id
