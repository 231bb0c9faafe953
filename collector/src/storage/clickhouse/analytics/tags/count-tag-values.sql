-- The number of values a run of a tag holds (what a computation wrote: a run number is new).
SELECT count() AS n
FROM {table:person_tags} FINAL
WHERE site = {site:String} AND tag_id = {tag_id:String} AND run = {run:UInt64}
