DELETE FROM audience_delivered WHERE site = @site AND audience_id = @id
