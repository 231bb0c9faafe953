-- Preferred channel: the entry channel of most of the person's sessions starting in
-- [@from, @now); ties go to the channel name first in text order. Bot and too-long sessions do
-- not count. Incremental when @since_seq is set.
INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, person_id, channel, @now
FROM (
  SELECT person_id, channel, row_number() OVER (PARTITION BY person_id ORDER BY n DESC, channel) AS k
  FROM (
    SELECT s.person_id, s.channel, count(*) AS n
    FROM sessions s
    WHERE s.site = @site AND s.start_ts >= @from AND s.start_ts < @now
      AND s.is_bot = 0 AND s.too_long = 0
      AND (@since_seq IS NULL OR s.person_id IN (SELECT d.person_id FROM events d WHERE d.site = @site AND d.seq > @since_seq))
    GROUP BY s.person_id, s.channel
  )
)
WHERE k = 1
