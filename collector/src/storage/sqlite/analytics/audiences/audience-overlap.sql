-- Current members of audiences @a and @b (holdout included): in both, only in a, only in b.
WITH a AS (SELECT person_id FROM audience_members WHERE site = @site AND audience_id = @a AND left_at IS NULL),
     b AS (SELECT person_id FROM audience_members WHERE site = @site AND audience_id = @b AND left_at IS NULL)
SELECT (SELECT count(*) FROM a) AS a,
       (SELECT count(*) FROM b) AS b,
       (SELECT count(*) FROM a WHERE person_id IN b) AS both
