DELETE FROM audience_pushed WHERE site = @site AND audience_id = @audience_id AND person_id = @person_id
