-- Paths of people who did not convert: persons with human sessions that started in
-- [@from, @to) and no counted conversion in [@from, @to). Each person's sessions in the range
-- form a path (oldest first, as a JSON array of [key, direct]); identical paths are counted
-- together, so only distinct paths come back. The data-driven models (Markov, Shapley) need
-- them to see how often a channel appears on paths that fail. @by as in conversion-touches.sql.
WITH converters AS (
  SELECT DISTINCT person_id FROM counted_conversions
  WHERE site = @site AND ts >= @from AND ts < @to AND person_id IS NOT NULL
),
s AS (
  SELECT person_id, start_ts, session_key,
         CASE @by
           WHEN 'channel' THEN channel
           WHEN 'source_medium' THEN source || ' / ' || medium
           WHEN 'campaign' THEN COALESCE(NULLIF(campaign, ''), CASE WHEN source = '(direct)' THEN '(direct)' ELSE '(not set)' END)
           WHEN 'source_campaign' THEN json_array(lower(source), lower(COALESCE(campaign, '')))
         END AS key,
         source = '(direct)' AS direct
  FROM sessions
  WHERE site = @site AND start_ts >= @from AND start_ts < @to AND is_bot = 0 AND too_long = 0
    AND person_id NOT IN (SELECT person_id FROM converters)
),
paths AS (
  SELECT json_group_array(json_array(key, direct) ORDER BY start_ts, session_key) AS path
  FROM s
  GROUP BY person_id
)
SELECT path, COUNT(*) AS count
FROM paths
GROUP BY path
ORDER BY path
