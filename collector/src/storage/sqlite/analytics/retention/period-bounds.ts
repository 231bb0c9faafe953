/**
 * Calendar periods (days, ISO weeks, months) in a site's time zone, as the instants they start
 * at. Computed here with Intl (DST-correct) and handed to SQL as a JSON array, because SQLite
 * knows only UTC and fixed offsets.
 */
import { nextDay, startOfZonedDay } from '../../../../time/zoned-time.js';

/** A calendar period unit. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** Consecutive periods: `labels[i]` (YYYY-MM-DD) starts at `starts[i]`; `starts` has one more entry, the end. */
export interface PeriodBounds {
  labels: string[];
  starts: number[];
}

/** The first day of the period containing `date` (weeks start on Monday). */
export function periodStartDate(date: string, unit: PeriodUnit): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (unit === 'month') d.setUTCDate(1);
  return d.toISOString().slice(0, 10);
}

/** The first day of the period after the one starting on `date`. */
export function nextPeriodDate(date: string, unit: PeriodUnit): string {
  if (unit === 'day') return nextDay(date);
  const d = new Date(`${date}T00:00:00Z`);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** `count` periods starting with the one containing `date`, in `timeZone`. */
export function periodBounds(date: string, unit: PeriodUnit, count: number, timeZone: string): PeriodBounds {
  const labels: string[] = [];
  let day = periodStartDate(date, unit);
  for (let i = 0; i < count; i++) {
    labels.push(day);
    day = nextPeriodDate(day, unit);
  }
  const starts = [...labels, day].map((d) => startOfZonedDay(d, timeZone));
  return { labels, starts };
}

/** How many periods from the one containing `from` to the one containing `to` (inclusive). */
export function periodCount(from: string, to: string, unit: PeriodUnit): number {
  let n = 1;
  const last = periodStartDate(to, unit);
  for (let d = periodStartDate(from, unit); d < last; d = nextPeriodDate(d, unit)) n++;
  return n;
}
