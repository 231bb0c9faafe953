SELECT DISTINCT type FROM identities WHERE site = @site AND person_id = @person
