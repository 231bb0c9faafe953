SELECT COUNT(*) AS n FROM refresh_identity_keys WHERE site = @site
