-- Attribute tag: the latest value of an identify trait (@path = '$."<trait>"'), by event time then
-- arrival. A trait last sent as null clears the tag. Incremental: with @since_seq set, only
-- persons with events after it are computed.
INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, person_id, value, @now
FROM (
  SELECT e.person_id,
         CASE json_type(e.props, @path)
           WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN NULL
           ELSE CAST(json_extract(e.props, @path) AS TEXT)
         END AS value,
         row_number() OVER (PARTITION BY e.person_id ORDER BY e.ts DESC, e.seq DESC) AS k
  FROM events e
  WHERE e.site = @site AND e.event = 'identify' AND e.ts < @now
    AND e.is_bot = 0 AND e.person_id IS NOT NULL
    AND json_type(e.props, @path) IS NOT NULL
    AND (@since_seq IS NULL OR e.person_id IN (SELECT d.person_id FROM events d WHERE d.site = @site AND d.seq > @since_seq))
)
WHERE k = 1 AND value IS NOT NULL
