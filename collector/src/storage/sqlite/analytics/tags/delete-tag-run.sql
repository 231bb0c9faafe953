DELETE FROM tag_runs WHERE site = @site AND tag_id = @id
