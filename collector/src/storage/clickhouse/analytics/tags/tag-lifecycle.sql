-- Lifecycle tag from the first and last human event before {now}:
--   churned  last event ≥ {churned_ms} ago
--   dormant  last event ≥ {dormant_ms} ago
--   new      first event < {new_ms} ago
--   active   otherwise
-- Bots and flagged sessions are left out. A person's events may sit on several shards (one per
-- device): the Distributed table merges the per-person min and max.
INSERT INTO {table:person_tags} (site, tag_id, run, person_id, value, computed_at)
SELECT {site:String}, {tag_id:String}, {run:UInt64}, person,
       multiIf(
         {now:Int64} - last_ts >= {churned_ms:Int64}, 'churned',
         {now:Int64} - last_ts >= {dormant_ms:Int64}, 'dormant',
         {now:Int64} - first_ts < {new_ms:Int64}, 'new',
         'active'),
       {now:Int64}
FROM (
  SELECT assumeNotNull(person_id) AS person, min(ts) AS first_ts, max(ts) AS last_ts
  FROM {table:events} FINAL
  WHERE site = {site:String} AND ts < {now:Int64} AND is_bot = 0 AND person_id IS NOT NULL
    AND session_key GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1)
    )
  GROUP BY person
)
