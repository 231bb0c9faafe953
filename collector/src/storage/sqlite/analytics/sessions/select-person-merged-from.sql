SELECT from_person, merged_at FROM person_merges WHERE site = @site AND into_person = @person ORDER BY merged_at, from_person
