DELETE FROM person_tags WHERE site = @site AND tag_id = @id
