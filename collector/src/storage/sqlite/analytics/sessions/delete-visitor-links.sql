DELETE FROM identity_links
WHERE site = @site AND anonymous_id IN (SELECT anonymous_id FROM refresh_visitors WHERE site = @site)
