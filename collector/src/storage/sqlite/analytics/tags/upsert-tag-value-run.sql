INSERT INTO tag_value_runs (site, tag_id, run, version, computed_at) VALUES (@site, @tag_id, @run, @version, @now)
ON CONFLICT (site, tag_id) DO UPDATE SET run = excluded.run, version = excluded.version, computed_at = excluded.computed_at
