SELECT COUNT(*) AS n FROM refresh_visitors WHERE site = @site
