-- Preference tag: the value of property @path ('$."<prop>"') seen most often on @event events in
-- [@from, @now); ties go to the smallest value (text order), so the result is stable.
-- Incremental when @since_seq is set (only persons with events after it).
INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, person_id, value, @now
FROM (
  SELECT person_id, value, row_number() OVER (PARTITION BY person_id ORDER BY n DESC, value) AS k
  FROM (
    SELECT e.person_id, CAST(json_extract(e.props, @path) AS TEXT) AS value, count(*) AS n
    FROM events e
    WHERE e.site = @site AND e.event = @event AND e.ts >= @from AND e.ts < @now
      AND e.is_bot = 0 AND e.person_id IS NOT NULL
      AND json_type(e.props, @path) IN ('text', 'integer', 'real')
      AND e.session_key NOT IN (
        SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1)
      )
      AND (@since_seq IS NULL OR e.person_id IN (SELECT d.person_id FROM events d WHERE d.site = @site AND d.seq > @since_seq))
    GROUP BY e.person_id, value
  )
)
WHERE k = 1
