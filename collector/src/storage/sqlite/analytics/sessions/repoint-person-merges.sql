-- Keeps person_merges flat: whatever was merged into @from now points at @into directly, so
-- resolving a person is one lookup.
UPDATE person_merges SET into_person = @into WHERE site = @site AND into_person = @from
