-- Lifetime revenue band: the sum of a person's counted conversions (humans, one per order) in
-- @currency before @now, banded by @bands (JSON [{id, min}]): the band with the highest
-- min ≤ revenue. Persons without a conversion in that currency get no band. Incremental when
-- @since_seq is set: lifetime revenue only changes with the person's own new events.
INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, person_id, band, @now
FROM (
  SELECT r.person_id,
         (SELECT json_extract(b.value, '$.id') FROM json_each(@bands) b
          WHERE json_extract(b.value, '$.min') <= r.revenue
          ORDER BY json_extract(b.value, '$.min') DESC LIMIT 1) AS band
  FROM (
    SELECT c.person_id, sum(c.revenue) AS revenue
    FROM counted_conversions c
    WHERE c.site = @site AND c.currency = @currency AND c.ts < @now AND c.person_id IS NOT NULL
      AND c.session_key NOT IN (
        SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
      )
      AND (@since_seq IS NULL OR c.person_id IN (SELECT d.person_id FROM events d WHERE d.site = @site AND d.seq > @since_seq))
    GROUP BY c.person_id
  ) r
)
WHERE band IS NOT NULL
