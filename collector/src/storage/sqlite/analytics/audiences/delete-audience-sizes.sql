DELETE FROM audience_sizes WHERE site = @site AND audience_id = @id
