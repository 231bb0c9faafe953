DELETE FROM person_merges WHERE site = @site AND (into_person = @person OR from_person = @person)
