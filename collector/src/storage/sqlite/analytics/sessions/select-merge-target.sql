SELECT into_person FROM person_merges WHERE site = @site AND from_person = @person
