import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { computeMetric } from '../../../../analytics/metrics/metric-dictionary.js';
import type { Money } from '../channels/get-breakdown.js';
import { preparedStatement } from '../channels/prepare-cached.js';
import { timeBuckets, type Interval } from './time-buckets.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** Metrics a time series can carry. */
export const SERIES_METRICS = ['sessions', 'users', 'pageviews', 'conversions', 'converting_sessions', 'conversion_rate', 'revenue'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/** One point of the series; only the requested metrics are present. */
export interface SeriesPoint {
  /** Bucket start as local time with offset, e.g. `2026-03-08T03:00:00-04:00`. */
  start: string;
  /** Bucket `[start, end)` as instants (ISO, UTC). */
  startUtc: string;
  endUtc: string;
  sessions?: number;
  users?: number;
  pageviews?: number;
  conversions?: number;
  converting_sessions?: number;
  conversion_rate?: number | null;
  revenue?: Money[];
}

/** A time-series query; `from`/`to` in epoch ms (`to` exclusive). */
export interface TimeseriesQuery {
  site: string;
  from: number;
  to: number;
  interval: Interval;
  timeZone: string;
  metrics: readonly SeriesMetric[];
}

/**
 * A metric series in the site's time zone. Sessions, users and converting sessions count
 * sessions by their start; page views, conversions and revenue count events by their own time.
 * The first and last buckets are clipped to the range, so nothing outside `[from, to)` counts.
 */
export function getTimeseries(db: Database.Database, q: TimeseriesQuery): SeriesPoint[] {
  const buckets = timeBuckets(q.from, q.to, q.interval, q.timeZone);
  if (buckets.length === 0) return [];
  const bounds = JSON.stringify(buckets.map((b) => [Math.max(b.start, q.from), Math.min(b.end, q.to)]));
  const params = { site: q.site, buckets: bounds };
  const want = new Set(q.metrics);
  const sessions = preparedStatement(db, DIR, 'timeseries-sessions').all(params) as { bucket: number; sessions: number; users: number; converting_sessions: number }[];
  const events = want.has('pageviews') || want.has('conversions')
    ? (preparedStatement(db, DIR, 'timeseries-events').all(params) as { bucket: number; pageviews: number; conversions: number }[])
    : [];
  const revenue = new Map<number, Money[]>();
  if (want.has('revenue')) {
    for (const r of preparedStatement(db, DIR, 'timeseries-revenue').all(params) as (Money & { bucket: number })[]) {
      revenue.set(r.bucket, [...(revenue.get(r.bucket) ?? []), { currency: r.currency, amount: r.amount }]);
    }
  }
  return buckets.map((b, i) => {
    const s = sessions[i];
    const all = {
      sessions: s.sessions,
      users: s.users,
      converting_sessions: s.converting_sessions,
      conversion_rate: computeMetric('conversion_rate', { converting_sessions: s.converting_sessions, sessions: s.sessions }),
      pageviews: events[i]?.pageviews,
      conversions: events[i]?.conversions,
      revenue: revenue.get(i) ?? [],
    };
    const point: SeriesPoint = { start: b.label, startUtc: new Date(b.start).toISOString(), endUtc: new Date(b.end).toISOString() };
    for (const m of q.metrics) (point as unknown as Record<string, unknown>)[m] = all[m];
    return point;
  });
}
