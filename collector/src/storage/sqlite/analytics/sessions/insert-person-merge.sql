INSERT INTO person_merges (site, from_person, into_person, merged_at) VALUES (@site, @from, @into, @merged_at)
