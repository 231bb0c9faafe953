DELETE FROM sessions WHERE site = @site AND person_id = @person
