-- Links to the person's user ids (@user_ids: JSON array), and those of its anonymous ids that
-- have no events left (@anonymous_ids: JSON array).
DELETE FROM identity_links
WHERE site = @site
  AND (user_id IN (SELECT value FROM json_each(@user_ids))
       OR anonymous_id IN (SELECT value FROM json_each(@anonymous_ids)))
