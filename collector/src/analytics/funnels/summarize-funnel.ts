import { ratio } from '../metrics/metric-types.js';
import type { FunnelMatch } from './funnel-matcher.js';

/** One row of a funnel report. */
export interface FunnelStepSummary {
  /** 1-based step number. */
  step: number;
  /** People whose deepest level is at least this step. */
  users: number;
  /** users ÷ users at step 1 (null when nobody reached step 1). */
  conversionFromFirst: number | null;
  /** users ÷ users at the previous step (step 1: 1 when anyone reached it, else null). */
  conversionFromPrevious: number | null;
  /** People at the previous step who did not reach this one (0 for step 1). */
  dropOff: number;
  /** Median time from the previous step to this one, ms, over people who reached it (null if none). */
  medianFromPreviousMs: number | null;
  /** Median time from step 1 to this one, ms (0 for step 1, null if nobody reached it). */
  medianFromFirstMs: number | null;
}

/**
 * Funnel report from one match per person (the output of the steps aggregate). Times come from
 * the chain that reached each person's deepest step. The median of an even count is the mean of
 * the two middle values.
 */
export function summarizeFunnel(matches: readonly FunnelMatch[], steps: number): FunnelStepSummary[] {
  const users = Array.from({ length: steps }, (_, k) => matches.filter((m) => m.level > k).length);
  return users.map((count, k) => {
    const reached = matches.filter((m) => m.level > k);
    return {
      step: k + 1,
      users: count,
      conversionFromFirst: ratio(count, users[0]),
      conversionFromPrevious: k === 0 ? ratio(count, count) : ratio(count, users[k - 1]),
      dropOff: k === 0 ? 0 : users[k - 1] - count,
      medianFromPreviousMs: k === 0 ? median(reached.map(() => 0)) : median(reached.map((m) => m.times[k] - m.times[k - 1])),
      medianFromFirstMs: median(reached.map((m) => m.times[k] - m.times[0])),
    };
  });
}

/** Median of numbers, or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
