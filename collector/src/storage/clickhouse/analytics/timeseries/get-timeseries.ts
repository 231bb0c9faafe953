import type { SeriesPoint, TimeseriesQuery } from '../../../sqlite/analytics/timeseries/get-timeseries.js';
import { seriesPoints, type EventBucketRow, type RevenueBucketRow, type SessionBucketRow } from '../../../sqlite/analytics/timeseries/series-points.js';
import { timeBuckets } from '../../../sqlite/analytics/timeseries/time-buckets.js';
import { CH_ANALYTICS_DIR, type ClickHouseDb } from '../../clickhouse-db.js';
import { bucketSlots } from './bucket-slots.js';

const DIR = `${CH_ANALYTICS_DIR}timeseries`;

/**
 * A metric series in the site's time zone, in ClickHouse: the same points as the SQLite engine's
 * `getTimeseries`. The buckets are cut by the same code (`timeBuckets`, so a day has 23 or 25
 * hours across a DST change and a RangeError says when there would be too many); sessions, users
 * and converting sessions count sessions by their start, page views, conversions and revenue
 * count events by their own time, and the first and last buckets are clipped to `[from, to)`.
 */
export async function getTimeseries(ch: ClickHouseDb, q: TimeseriesQuery): Promise<SeriesPoint[]> {
  const buckets = timeBuckets(q.from, q.to, q.interval, q.timeZone);
  if (buckets.length === 0) return [];
  const params = { site: q.site, ...bucketSlots(buckets, q.from, q.to) };
  const want = new Set(q.metrics);
  const [sessions, events, revenue] = await Promise.all([
    ch.rows<SessionBucketRow>(ch.sql(DIR, 'timeseries-sessions'), params),
    want.has('pageviews') || want.has('conversions') ? ch.rows<EventBucketRow>(ch.sql(DIR, 'timeseries-events'), params) : [],
    want.has('revenue') ? ch.rows<RevenueBucketRow>(ch.sql(DIR, 'timeseries-revenue'), params) : [],
  ]);
  // The points are built from the rows by the SQLite engine's code.
  return seriesPoints(buckets, q.metrics, { sessions, events, revenue });
}
