-- Lifecycle tag from the first and last human event before @now:
--   churned  last event ≥ @churned_ms ago
--   dormant  last event ≥ @dormant_ms ago
--   new      first event < @new_ms ago
--   active   otherwise
-- Always a full run: the stage of a person changes with time alone.
INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, person_id,
       CASE
         WHEN @now - last_ts >= @churned_ms THEN 'churned'
         WHEN @now - last_ts >= @dormant_ms THEN 'dormant'
         WHEN @now - first_ts < @new_ms THEN 'new'
         ELSE 'active'
       END,
       @now
FROM (
  SELECT e.person_id, min(e.ts) AS first_ts, max(e.ts) AS last_ts
  FROM events e
  WHERE e.site = @site AND e.ts < @now AND e.is_bot = 0 AND e.person_id IS NOT NULL
    AND e.session_key NOT IN (
      SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
    )
  GROUP BY e.person_id
)
