DELETE FROM audience_members WHERE site = @site AND audience_id = @id
