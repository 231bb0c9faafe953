SELECT tag_id AS tagId, run, version, computed_at AS computedAt FROM tag_value_runs WHERE site = @site ORDER BY tag_id
