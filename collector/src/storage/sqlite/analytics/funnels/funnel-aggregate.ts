/**
 * The window funnel of `analytics/funnels` registered as the SQLite aggregate
 * `maidian_window_funnel(ts, step_mask, exclusion_mask, dimension)`, once per connection.
 *
 * The pure module binds its options (window, steps, modes, exclusions) when an aggregate is
 * created; registering a new function per query would invalidate every prepared statement. So
 * one aggregate is registered per connection and reads the options of the query being run from
 * a slot that {@link runWithFunnelOptions} fills. better-sqlite3 runs a statement to completion
 * synchronously (we use `.all()`), so no other query can run between filling and clearing it.
 */
import type Database from 'better-sqlite3';
import { compareFunnelEvents, matchFunnel, type FunnelEvent } from '../../../../analytics/funnels/funnel-matcher.js';
import { validateFunnelOptions, type WindowFunnelOptions } from '../../../../analytics/funnels/funnel-options.js';

/** The SQL name of the aggregate. */
export const FUNNEL_AGGREGATE = 'maidian_window_funnel';

/** What the aggregate returns per group, as JSON: the chain's step times and the step-1 dimension. */
export interface FunnelChain {
  /** `times[k]` is when step k + 1 was reached; the length is the level (0: step 1 never happened). */
  times: number[];
  /** The breakdown value of the step-1 event of the chain (null without a breakdown). */
  dim: string | number | null;
}

interface Slot {
  options: WindowFunnelOptions | null;
}

interface State {
  options: WindowFunnelOptions;
  keepUnmatched: boolean;
  events: (FunnelEvent & { dim: string | number | null })[];
}

const slots = new WeakMap<Database.Database, Slot>();

/** Runs `query` with the funnel options the aggregate will use; registers it on first use. */
export function runWithFunnelOptions<T>(db: Database.Database, options: WindowFunnelOptions, query: () => T): T {
  validateFunnelOptions(options);
  const slot = register(db);
  slot.options = options;
  try {
    return query();
  } finally {
    slot.options = null;
  }
}

function register(db: Database.Database): Slot {
  const existing = slots.get(db);
  if (existing) return existing;
  const slot: Slot = { options: null };
  db.aggregate(FUNNEL_AGGREGATE, {
    start: (): State => {
      if (!slot.options) throw new Error(`${FUNNEL_AGGREGATE} runs only inside runWithFunnelOptions`);
      return { options: slot.options, keepUnmatched: slot.options.modes?.includes('strict_order') ?? false, events: [] };
    },
    step(state: State, ts: number, steps: number, exclusions: number, dim: string | number | null) {
      // In strict_order an event matching nothing interrupts the chain, so it must be kept.
      if (steps !== 0 || exclusions !== 0 || state.keepUnmatched) state.events.push({ ts, steps, exclusions, dim });
      return state;
    },
    result: (state: State) => JSON.stringify(chainOf(state)),
  } as never);
  slots.set(db, slot);
  return slot;
}

function chainOf(state: State): FunnelChain {
  const events = state.events.sort(compareFunnelEvents);
  const { times } = matchFunnel(events, state.options);
  return { times, dim: times.length ? stepOneDim(events, times[0]) : null };
}

/**
 * The dimension of the chain's step-1 event. Several step-1 events may share that exact time;
 * the smallest value is taken then, so the answer never depends on the order rows arrive in.
 */
function stepOneDim(events: State['events'], start: number): string | number | null {
  let best: string | number | null = null;
  for (const e of events) {
    if (e.ts > start) break;
    if (e.ts === start && e.steps & 1 && e.dim !== null && (best === null || String(e.dim) < String(best))) best = e.dim;
  }
  return best;
}
