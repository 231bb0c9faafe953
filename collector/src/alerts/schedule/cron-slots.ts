/**
 * Slots of a rule's schedule. A slot is an instant the cron expression names, in the rule's time
 * zone; each slot is evaluated once. Schedules run between every minute and once a day.
 */
import { Cron } from 'croner';

const MINUTE = 60_000;
/** The longest gap between two runs a schedule may have (a day, plus an hour for DST). */
const MAX_GAP = 25 * 60 * MINUTE;

function cronOf(expr: string, timezone: string): Cron {
  return new Cron(expr, { timezone, paused: true });
}

/** Why `expr` is not an acceptable schedule, or null when it is. */
export function validateCron(expr: string, timezone: string): string | null {
  // Six or seven fields would add seconds (or years); alerts run at most once a minute.
  if (expr.trim().split(/\s+/).length !== 5 && !expr.trim().startsWith('@')) {
    return 'use a 5-field cron expression "minute hour day month weekday" (e.g. "0 9 * * *" daily at 09:00)';
  }
  let cron: Cron;
  try {
    cron = cronOf(expr, timezone);
  } catch (err) {
    return `not a cron expression: ${(err as Error).message}`;
  }
  const runs = cron.nextRuns(40, new Date(Date.UTC(2026, 0, 1)));
  if (runs.length < 2) return 'the schedule must run at least once a day';
  for (let i = 1; i < runs.length; i++) {
    if (runs[i].getTime() - runs[i - 1].getTime() > MAX_GAP) return 'the schedule must run at least once a day (e.g. "0 9 * * *")';
  }
  return null;
}

/**
 * The slots in `(after, until]`, oldest first, at most `limit` (the newest ones when there are
 * more: catch-up after a long outage evaluates recent slots, not stale ones).
 */
export function slotsBetween(expr: string, timezone: string, after: number, until: number, limit: number): number[] {
  // Walk back from `until`: a long outage of an every-minute rule costs `limit` steps, not one per minute.
  const runs = cronOf(expr, timezone).previousRuns(limit, new Date(until + 1));
  return runs.map((d) => d.getTime()).filter((t) => t > after && t <= until).reverse();
}

/** The newest slot at or before `at`, or null when there is none in the past day. */
export function latestSlot(expr: string, timezone: string, at: number): number | null {
  const slots = slotsBetween(expr, timezone, at - MAX_GAP, at, 1);
  return slots.length ? slots[0] : null;
}
