DELETE FROM tag_value_runs WHERE site = @site AND tag_id = @tag_id
