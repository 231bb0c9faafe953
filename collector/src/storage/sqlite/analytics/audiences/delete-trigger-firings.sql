DELETE FROM trigger_firings WHERE site = @site AND trigger_id = @id
