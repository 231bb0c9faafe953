-- Counted conversions in [@from, @to) (humans only, one per order) with their touchpoints: the
-- sessions of the same person that started within @lookback ms before the conversion, and not
-- after it. One row per (conversion, touch), oldest touch first; a conversion without any touch
-- comes back once with a NULL touch. @by picks the key a touch is credited to; the names are
-- fixed and checked by the caller.
WITH conv AS (
  SELECT c.seq, c.ts, c.person_id, c.revenue, c.currency
  FROM counted_conversions c
  JOIN sessions cs ON cs.site = c.site AND cs.session_key = c.session_key
  WHERE c.site = @site AND c.ts >= @from AND c.ts < @to AND cs.is_bot = 0 AND cs.too_long = 0
)
SELECT conv.seq AS conversion, conv.ts AS ts, COALESCE(conv.revenue, 0) AS revenue, conv.currency AS currency,
       t.start_ts AS touch_ts,
       CASE @by
         WHEN 'channel' THEN t.channel
         WHEN 'source_medium' THEN t.source || ' / ' || t.medium
         WHEN 'campaign' THEN COALESCE(NULLIF(t.campaign, ''), CASE WHEN t.source = '(direct)' THEN '(direct)' ELSE '(not set)' END)
         WHEN 'source_campaign' THEN json_array(lower(t.source), lower(COALESCE(t.campaign, '')))
       END AS key,
       t.source = '(direct)' AS direct
FROM conv
-- Without statistics SQLite may pick the start-time index and scan every session of the range
-- for each conversion; the person index finds a person's sessions directly.
LEFT JOIN sessions t INDEXED BY sessions_site_person
  ON t.site = @site AND t.person_id = conv.person_id
 AND t.start_ts <= conv.ts AND t.start_ts >= conv.ts - @lookback
 AND t.is_bot = 0 AND t.too_long = 0
ORDER BY conv.seq, t.start_ts, t.session_key
