DELETE FROM saved_funnels WHERE site = @site AND id = @id
