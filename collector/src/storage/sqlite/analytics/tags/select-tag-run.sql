SELECT version, last_seq AS lastSeq, ran_at AS ranAt, mode FROM tag_runs WHERE site = @site AND tag_id = @tag_id
