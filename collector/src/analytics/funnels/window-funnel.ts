/**
 * ClickHouse-style `windowFunnel(window)(timestamp, cond1, …, condN)` as an aggregate that
 * better-sqlite3 can register with `db.aggregate(name, aggregate)`:
 *
 *   db.aggregate('window_funnel', createWindowFunnelAggregate({ window: 86_400_000, steps: 3 }));
 *   SELECT anonymous_id, window_funnel(ts, (event = 'a') | ((event = 'b') << 1) | …) FROM events GROUP BY 1
 *
 * (SQLite gives `|` and `<<` the same precedence, evaluated left to right: keep the parentheses.)
 *
 * Rows may arrive in any order: the state buffers (ts, masks) and sorts them in `result`, so
 * the answer depends only on the set of events. In the default mode rows matching neither a
 * step nor an exclusion are not even kept.
 */
import { AnalyticsInputError } from '../input-error.js';
import { compareFunnelEvents, matchFunnel, type FunnelEvent, type FunnelMatch } from './funnel-matcher.js';
import { validateFunnelOptions, type WindowFunnelOptions } from './funnel-options.js';

export type { FunnelEvent, FunnelMatch } from './funnel-matcher.js';
export type { FunnelExclusion, FunnelMode, WindowFunnelOptions } from './funnel-options.js';

/** Per-group state: the buffered events. */
export interface WindowFunnelState {
  events: FunnelEvent[];
}

/** The shape better-sqlite3's `db.aggregate` takes. */
export interface FunnelAggregate<R> {
  start: () => WindowFunnelState;
  step: (state: WindowFunnelState, ts: number | bigint, stepMask: number | bigint, exclusionMask?: number | bigint | null) => WindowFunnelState;
  result: (state: WindowFunnelState) => R;
  /** The exclusion mask is optional, so SQL may pass 2 or 3 arguments. */
  varargs: true;
  /** Same rows in, same answer out: lets SQLite use the function in more places. */
  deterministic: true;
}

/** Aggregate returning the level: the deepest step reached (0 when step 1 never happened). */
export function createWindowFunnelAggregate(options: WindowFunnelOptions): FunnelAggregate<number> {
  return createAggregate(options, (m) => m.level);
}

/**
 * Aggregate returning the reached steps' timestamps as JSON text, e.g. `[1000,4000]` (level 2):
 * the chain that first reached the deepest level. Median time-to-convert uses these.
 */
export function createWindowFunnelStepsAggregate(options: WindowFunnelOptions): FunnelAggregate<string> {
  return createAggregate(options, (m) => JSON.stringify(m.times));
}

/** Matches one user's events in one call (same rules as the aggregates). */
export function windowFunnel(events: readonly FunnelEvent[], options: WindowFunnelOptions): FunnelMatch {
  validateFunnelOptions(options);
  return matchFunnel([...events].sort(compareFunnelEvents), options);
}

function createAggregate<R>(options: WindowFunnelOptions, finish: (m: FunnelMatch) => R): FunnelAggregate<R> {
  validateFunnelOptions(options);
  const keepUnmatched = options.modes?.includes('strict_order') ?? false;
  const stepBits = 2 ** options.steps - 1;
  const exclusionBits = 2 ** (options.exclusions?.length ?? 0) - 1;
  return {
    varargs: true,
    deterministic: true,
    start: () => ({ events: [] }),
    step(state, ts, stepMask, exclusionMask) {
      const event = {
        ts: toNumber(ts, '/ts'),
        steps: toMask(stepMask, '/stepMask') & stepBits,
        exclusions: toMask(exclusionMask ?? 0, '/exclusionMask') & exclusionBits,
      };
      if (event.steps !== 0 || event.exclusions !== 0 || keepUnmatched) state.events.push(event);
      return state;
    },
    result: (state) => finish(matchFunnel(state.events.sort(compareFunnelEvents), options)),
  };
}

function toNumber(value: number | bigint, pointer: string): number {
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new AnalyticsInputError(pointer, `got ${String(value)}`, 'a finite number (epoch ms)');
  }
  return n;
}

function toMask(value: number | bigint, pointer: string): number {
  const n = toNumber(value, pointer);
  if (!Number.isInteger(n) || n < 0) throw new AnalyticsInputError(pointer, `got ${n}`, 'a non-negative integer bitmask');
  return n;
}
