UPDATE identities SET person_id = @into WHERE site = @site AND person_id = @from
