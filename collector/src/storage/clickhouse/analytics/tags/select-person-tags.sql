-- A person's values of the given tags, each read from its own run: {runs}[i] is the current run
-- of {tag_ids}[i] (indexOf is 1-based; 0 for a tag not asked for).
SELECT tag_id AS id, value, computed_at
FROM {table:person_tags} FINAL
WHERE site = {site:String} AND person_id = {person_id:String}
  AND indexOf({tag_ids:Array(String)}, tag_id) > 0
  AND run = {runs:Array(UInt64)}[indexOf({tag_ids:Array(String)}, tag_id)]
ORDER BY tag_id
