DELETE FROM events WHERE site = @site AND person_id = @person
