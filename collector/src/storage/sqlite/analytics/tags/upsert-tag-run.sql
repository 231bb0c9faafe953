-- Records a tag refresh: the watermark and version it ran with.
INSERT OR REPLACE INTO tag_runs (site, tag_id, version, last_seq, ran_at, mode)
VALUES (@site, @tag_id, @version, @last_seq, @now, @mode)
