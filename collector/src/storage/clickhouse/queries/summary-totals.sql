-- Headline figures of a site over [{from}, {to}), as the SQLite engine's summary-totals: humans
-- only (bot events, and sessions flagged as bots or too long, are left out); visitors are
-- distinct persons; sessions are those that started in the range; the conversion rate is the
-- share of those sessions with at least one counted conversion.
SELECT
  toUInt64(ev.pageviews) AS pageviews,
  toUInt64(ev.visitors) AS visitors,
  toUInt64(ev.conversions) AS conversions,
  toUInt64(ses.sessions) AS sessions,
  ses.sessions = 0 ? 0. : ses.converting / ses.sessions AS conversionRate
FROM (
  SELECT countIf(event = 'page_view') AS pageviews,
         ifNull(uniqExact(person_id), 0) AS visitors,
         sum(counted) AS conversions,
         1 AS k
  FROM {table:events} FINAL
  WHERE site = {site:String} AND is_bot = 0 AND ts >= {from:Int64} AND ts < {to:Int64}
    AND ifNull(session_key, '') GLOBAL NOT IN (
      SELECT session_key FROM {table:sessions} FINAL
      WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1))
) AS ev
ANY INNER JOIN (
  SELECT count() AS sessions, countIf(conversions > 0) AS converting, 1 AS k
  FROM {table:sessions} FINAL
  WHERE site = {site:String} AND deleted = 0 AND start_ts >= {from:Int64} AND start_ts < {to:Int64}
    AND is_bot = 0 AND too_long = 0
) AS ses USING k
