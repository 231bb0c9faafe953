import { computeMetric } from '../../../../analytics/metrics/metric-dictionary.js';
import type { Money } from '../channels/get-breakdown.js';
import type { SeriesMetric, SeriesPoint } from './get-timeseries.js';
import type { TimeBucket } from './time-buckets.js';

/** A timeseries-sessions row (one per bucket). */
export interface SessionBucketRow {
  bucket: number;
  sessions: number;
  users: number;
  converting_sessions: number;
}

/** A timeseries-events row (one per bucket). */
export interface EventBucketRow {
  bucket: number;
  pageviews: number;
  conversions: number;
}

/** A timeseries-revenue row (one per bucket and currency with revenue). */
export type RevenueBucketRow = Money & { bucket: number };

/** The rows of the time-series queries, as both engines return them. */
export interface SeriesRows {
  /** In bucket order. */
  sessions: SessionBucketRow[];
  /** In bucket order; empty when neither page views nor conversions are asked for. */
  events: EventBucketRow[];
  /** Empty when revenue is not asked for. */
  revenue: RevenueBucketRow[];
}

/** The points of `buckets` from the rows of the time-series queries, each with the requested metrics only. */
export function seriesPoints(buckets: readonly TimeBucket[], metrics: readonly SeriesMetric[], rows: SeriesRows): SeriesPoint[] {
  const revenue = new Map<number, Money[]>();
  for (const r of rows.revenue) revenue.set(r.bucket, [...(revenue.get(r.bucket) ?? []), { currency: r.currency, amount: r.amount }]);
  return buckets.map((b, i) => {
    const s = rows.sessions[i];
    const all = {
      sessions: s.sessions,
      users: s.users,
      converting_sessions: s.converting_sessions,
      conversion_rate: computeMetric('conversion_rate', { converting_sessions: s.converting_sessions, sessions: s.sessions }),
      pageviews: rows.events[i]?.pageviews,
      conversions: rows.events[i]?.conversions,
      revenue: revenue.get(i) ?? [],
    };
    const point: SeriesPoint = { start: b.label, startUtc: new Date(b.start).toISOString(), endUtc: new Date(b.end).toISOString() };
    for (const m of metrics) (point as unknown as Record<string, unknown>)[m] = all[m];
    return point;
  });
}
