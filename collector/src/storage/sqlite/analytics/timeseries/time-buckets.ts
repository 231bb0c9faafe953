import { nextDay } from '../../../../time/zoned-time.js';
import { startOfZonedDay, zoneOffsetMs } from '../../../../time/zoned-time.js';

/** Bucket sizes of a time series. Weeks start on Monday (ISO 8601). */
export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** Most buckets one series may have (e.g. 5000 hours ≈ 7 months). */
export const MAX_BUCKETS = 5000;

/** One bucket: `[start, end)` in epoch ms, and its start as local time with offset. */
export interface TimeBucket {
  start: number;
  end: number;
  /** e.g. `2026-03-08T03:00:00-04:00`: the wall-clock start in the site time zone. */
  label: string;
}

const HOUR = 3_600_000;
/** Longest real duration of a bucket (a local day is at most 25 h across a DST change). */
const MAX_LENGTH: Record<Interval, number> = { hour: HOUR, day: 25 * HOUR, week: 7 * 24 * HOUR + HOUR, month: 31 * 24 * HOUR + HOUR };

/**
 * The buckets covering `[from, to)` in `timeZone`, cut at local hour, midnight, Monday or first
 * of the month. Boundaries come from the zone's rules (Intl), so a day has 23 or 25 hours across
 * a DST change and an hour bucket never straddles one. The first bucket starts at or before
 * `from`. Throws a RangeError when more than `MAX_BUCKETS` would be needed.
 */
export function timeBuckets(from: number, to: number, interval: Interval, timeZone: string): TimeBucket[] {
  // Refuse a hopeless range before cutting it: a bucket is never longer than MAX_LENGTH.
  if ((to - from) / MAX_LENGTH[interval] > MAX_BUCKETS) {
    throw new RangeError(`the range needs more than ${MAX_BUCKETS} ${interval} buckets`);
  }
  const buckets: TimeBucket[] = [];
  let start = floorToInterval(from, interval, timeZone);
  while (start < to) {
    if (buckets.length === MAX_BUCKETS) {
      throw new RangeError(`the range needs more than ${MAX_BUCKETS} ${interval} buckets`);
    }
    const end = nextBoundary(start, interval, timeZone);
    buckets.push({ start, end, label: localLabel(start, timeZone) });
    start = end;
  }
  return buckets;
}

/** The start of the bucket containing `ms`. */
export function floorToInterval(ms: number, interval: Interval, timeZone: string): number {
  // DST changes fall on whole local hours, so stepping back within the hour keeps the offset.
  if (interval === 'hour') return ms - mod(ms + zoneOffsetMs(ms, timeZone), HOUR);
  const date = localDate(ms, timeZone);
  if (interval === 'day') return startOfZonedDay(date, timeZone);
  if (interval === 'month') return startOfZonedDay(`${date.slice(0, 8)}01`, timeZone);
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return startOfZonedDay(new Date(Date.UTC(y, m - 1, d - weekday)).toISOString().slice(0, 10), timeZone);
}

function nextBoundary(start: number, interval: Interval, timeZone: string): number {
  if (interval === 'hour') return floorToInterval(start + HOUR, 'hour', timeZone);
  const date = localDate(start, timeZone);
  if (interval === 'day') return startOfZonedDay(nextDay(date), timeZone);
  const [y, m, d] = date.split('-').map(Number);
  const next = interval === 'week' ? new Date(Date.UTC(y, m - 1, d + 7)) : new Date(Date.UTC(y, m, 1));
  return startOfZonedDay(next.toISOString().slice(0, 10), timeZone);
}

/** The local calendar day of `ms` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

function localLabel(ms: number, timeZone: string): string {
  const offset = zoneOffsetMs(ms, timeZone);
  const local = new Date(ms + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
