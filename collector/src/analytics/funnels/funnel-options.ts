import { AnalyticsInputError } from '../input-error.js';

/**
 * Matching modes, as in ClickHouse's `windowFunnel`. Several may be combined.
 *  - `strict_order`: once a chain has started, an event that matches no step, or a step whose
 *    previous step was never reached, stops the search.
 *  - `strict_increase`: each step must be strictly later than the step before it.
 *  - `strict_deduplication`: an event repeating a step (2 or later) that was already reached
 *    stops the search (repeating step 1 still starts a new chain).
 */
export type FunnelMode = 'strict_order' | 'strict_increase' | 'strict_deduplication';

/**
 * An exclusion: an event matching it breaks every chain that stands between step `from` and
 * step `to` (1-based, from < to). A chain that has reached step L with from ≤ L < to, whose
 * step L happened strictly before the exclusion, can no longer advance; it still counts as
 * having reached step L. Chains already past the gap are not affected.
 */
export interface FunnelExclusion {
  from: number;
  to: number;
}

/** Options of a window funnel. */
export interface WindowFunnelOptions {
  /** Window after the step-1 event, in the unit of the timestamps (ms); boundary included. */
  window: number;
  /** Number of steps, 1 to 31 (bit k − 1 of a step mask is step k). */
  steps: number;
  /** Modes; default none (ClickHouse's default mode). */
  modes?: readonly FunnelMode[];
  /** Exclusions; bit i of an exclusion mask is `exclusions[i]`. */
  exclusions?: readonly FunnelExclusion[];
}

const MODES: readonly FunnelMode[] = ['strict_order', 'strict_increase', 'strict_deduplication'];

/** Checks funnel options, throwing an {@link AnalyticsInputError} for the first bad one. */
export function validateFunnelOptions(options: WindowFunnelOptions): void {
  if (typeof options.window !== 'number' || !Number.isFinite(options.window) || options.window < 0) {
    throw new AnalyticsInputError('/window', `got ${String(options.window)}`, 'a finite number ≥ 0');
  }
  if (!Number.isInteger(options.steps) || options.steps < 1 || options.steps > 31) {
    throw new AnalyticsInputError('/steps', `got ${String(options.steps)}`, 'an integer from 1 to 31');
  }
  (options.modes ?? []).forEach((m, i) => {
    if (!MODES.includes(m)) throw new AnalyticsInputError(`/modes/${i}`, `got ${JSON.stringify(m)}`, MODES.join(' | '));
  });
  (options.exclusions ?? []).forEach((e, i) => {
    const ok = Number.isInteger(e.from) && Number.isInteger(e.to) && e.from >= 1 && e.from < e.to && e.to <= options.steps;
    if (!ok) {
      throw new AnalyticsInputError(`/exclusions/${i}`, `got from ${e.from}, to ${e.to}`, `integers with 1 ≤ from < to ≤ ${options.steps}`);
    }
  });
}
