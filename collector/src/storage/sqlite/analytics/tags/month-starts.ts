import { periodBounds, periodCount } from '../retention/period-bounds.js';

/**
 * Starts of the calendar months (in `timeZone`) covering `[start, end)`, plus the end of the
 * last one: the month buckets of the AIPL loyalty rule.
 */
export function monthStarts(start: number, end: number, timeZone: string): number[] {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));
  const first = day(start);
  const last = day(end - 1);
  return periodBounds(first, 'month', periodCount(first, last, 'month'), timeZone).starts;
}
