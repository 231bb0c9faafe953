DELETE FROM audience_pushed WHERE site = @site AND audience_id = @id
