-- Removes a tag's runs older than {keep_run} (all of them when {keep} = 0), as a mutation: it
-- completes in the background, which is safe because readers only read the current run. Newer
-- runs stay: one may be in the middle of being written by another refresh. A mutation cannot go
-- through a Distributed table: on a cluster the caller runs it on each shard's local table.
ALTER TABLE {table:person_tags}
DELETE WHERE site = {site:String} AND tag_id = {tag_id:String}
  AND ({keep:UInt8} = 0 OR run < {keep_run:UInt64})
