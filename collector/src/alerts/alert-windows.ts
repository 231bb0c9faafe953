/**
 * The time windows a slot reads, in the rule's time zone. Minutes and hours are real durations;
 * days and weeks are calendar days of the time zone (a DST day has 23 or 25 hours). The current
 * window is the `size` last complete units before the slot; the slot's own unit, still running,
 * is never read.
 */
import { startOfZonedDay, zoneOffsetMs } from '../time/zoned-time.js';
import type { AlertWindow } from './alert-rule.js';

/** `[start, end)` in epoch ms. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Which window relative to the current one: itself, the one before it, or the same one `weeks` weeks earlier. */
export type WindowRef = { kind: 'current' } | { kind: 'previous' } | { kind: 'weeks_ago'; weeks: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The window `ref` of a rule with window `spec` at `slot`, in `timeZone`. */
export function resolveWindow(spec: AlertWindow, slot: number, timeZone: string, ref: WindowRef): TimeWindow {
  return spec.unit === 'minute' || spec.unit === 'hour' ? durationWindow(spec, slot, timeZone, ref) : calendarWindow(spec, slot, timeZone, ref);
}

function durationWindow(spec: AlertWindow, slot: number, timeZone: string, ref: WindowRef): TimeWindow {
  const unit = spec.unit === 'minute' ? MINUTE : HOUR;
  const length = unit * spec.size;
  // Floor on the local clock, so hours of a +05:30 zone start at :00 local time.
  const offset = zoneOffsetMs(slot, timeZone);
  const end = Math.floor((slot + offset) / unit) * unit - offset;
  if (ref.kind === 'current') return { start: end - length, end };
  if (ref.kind === 'previous') return { start: end - 2 * length, end: end - length };
  // Same local time of day `weeks` weeks earlier, whatever DST did in between.
  const earlierEnd = instantOfWall(end + zoneOffsetMs(end, timeZone) - ref.weeks * 7 * DAY, timeZone);
  return { start: earlierEnd - length, end: earlierEnd };
}

function calendarWindow(spec: AlertWindow, slot: number, timeZone: string, ref: WindowRef): TimeWindow {
  const today = localDate(slot, timeZone);
  const days = spec.unit === 'week' ? 7 * spec.size : spec.size;
  // A week window ends on the Monday that starts the slot's ISO week.
  let endDate = spec.unit === 'week' ? addDays(today, -((weekday(today) + 6) % 7)) : today;
  if (ref.kind === 'previous') endDate = addDays(endDate, -days);
  if (ref.kind === 'weeks_ago') endDate = addDays(endDate, -7 * ref.weeks);
  return { start: startOfZonedDay(addDays(endDate, -days), timeZone), end: startOfZonedDay(endDate, timeZone) };
}

/** `YYYY-MM-DD` of instant `ms` in `timeZone`. */
export function localDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/** `date` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant whose local wall-clock reading (as UTC ms) is `wall`; looked up twice across DST. */
function instantOfWall(wall: number, timeZone: string): number {
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}
