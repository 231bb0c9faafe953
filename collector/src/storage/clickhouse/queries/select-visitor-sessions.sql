-- The live sessions of the visitors being refreshed (before they are recomputed): their keys, so
-- that sessions that no longer exist get a tombstone, and their persons, whose last non-direct
-- attribution may change. After the refresh, {min_version} keeps only the sessions it wrote.
SELECT session_key, person_id, anonymous_id
FROM {table:sessions} FINAL
WHERE site = {site:String} AND anonymous_id IN {visitors:Array(String)} AND deleted = 0
  AND version >= {min_version:UInt64}
