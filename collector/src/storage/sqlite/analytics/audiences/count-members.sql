-- How many spells select-members.sql pages through (current ones only, or all).
SELECT count(*) AS n FROM audience_members
WHERE site = @site AND audience_id = @audience_id AND (@current = 0 OR left_at IS NULL)
