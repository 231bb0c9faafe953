/**
 * The parameters of aipl-person-stages.sql for a range and a set of rules: shared by the AIPL
 * report and the AIPL value tag, so both place a person at the same stage.
 */
import { periodBounds, periodCount } from '../retention/period-bounds.js';
import type { AiplRules } from './aipl-rules.js';

const DAY_MS = 86_400_000;

/** Named parameters for persons active in `[from, to)` of `site`, months cut in `timeZone`. */
export function aiplParams(site: string, from: number, to: number, timeZone: string, rules: AiplRules): Record<string, unknown> {
  const lookbackStart = Math.min(from, to - rules.loyalty.lookbackDays * DAY_MS);
  return {
    site, from, to, lookback_start: lookbackStart,
    month_bounds: JSON.stringify(monthBounds(lookbackStart, to, timeZone)),
    awareness_events: JSON.stringify(rules.awareness.events),
    interest_events: JSON.stringify(rules.interest.events),
    interest_sessions: rules.interest.minSessions,
    purchase_conversions: rules.purchase.minConversions,
    loyal_conversions: rules.loyalty.minConversions,
    loyal_months: rules.loyalty.minMonths,
  };
}

/** Starts of the calendar months (site time zone) covering `[start, end)`, plus the end of the last. */
function monthBounds(start: number, end: number, timeZone: string): number[] {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));
  const first = day(start);
  const last = day(end - 1);
  return periodBounds(first, 'month', periodCount(first, last, 'month'), timeZone).starts;
}
