-- Sites with visitors to refresh; @site NULL means every site.
SELECT DISTINCT site FROM dirty_visitors WHERE @site IS NULL OR site = @site ORDER BY site
