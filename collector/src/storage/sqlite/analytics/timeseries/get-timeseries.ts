import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { Money } from '../channels/get-breakdown.js';
import { preparedStatement } from '../channels/prepare-cached.js';
import { seriesPoints, type EventBucketRow, type RevenueBucketRow, type SessionBucketRow } from './series-points.js';
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
  const sessions = preparedStatement(db, DIR, 'timeseries-sessions').all(params) as SessionBucketRow[];
  const events = want.has('pageviews') || want.has('conversions') ? (preparedStatement(db, DIR, 'timeseries-events').all(params) as EventBucketRow[]) : [];
  const revenue = want.has('revenue') ? (preparedStatement(db, DIR, 'timeseries-revenue').all(params) as RevenueBucketRow[]) : [];
  return seriesPoints(buckets, q.metrics, { sessions, events, revenue });
}
