/**
 * The matching core of the window funnel: walks a user's events in order and keeps, for each
 * step k, the most recently started chain that reached it (as ClickHouse does: a later start
 * leaves more of the window for the steps still to come). Runs in O(events × steps).
 */
import type { WindowFunnelOptions } from './funnel-options.js';

/** One event: its time, which steps it matches (bitmask) and which exclusions (bitmask). */
export interface FunnelEvent {
  ts: number;
  steps: number;
  exclusions: number;
}

/** The deepest chain: `times[k]` is when step k + 1 was reached; its length is the level. */
export interface FunnelMatch {
  level: number;
  times: number[];
}

interface Walk {
  chains: (number[] | null)[];
  reached: boolean[];
  best: number[];
  started: boolean;
}

/** Matches events already sorted by {@link compareFunnelEvents}. */
export function matchFunnel(events: readonly FunnelEvent[], options: WindowFunnelOptions): FunnelMatch {
  const walk: Walk = { chains: new Array(options.steps).fill(null), reached: [], best: [], started: false };
  const strictOrder = options.modes?.includes('strict_order') ?? false;
  for (const event of events) {
    if (event.steps === 0 && strictOrder) {
      if (walk.started) break;
      continue;
    }
    if (applySteps(walk, event, options) === 'stop') break;
    if (event.exclusions !== 0) applyExclusions(walk, event, options);
  }
  return { level: walk.best.length, times: walk.best };
}

/** Steps of one event, highest first, so one event never advances a chain by two steps. */
function applySteps(walk: Walk, event: FunnelEvent, options: WindowFunnelOptions): 'stop' | 'go' {
  for (let k = options.steps - 1; k >= 0; k--) {
    if (event.steps & (1 << k) && applyStep(walk, k, event.ts, options) === 'stop') return 'stop';
  }
  return 'go';
}

function applyStep(walk: Walk, k: number, ts: number, options: WindowFunnelOptions): 'stop' | 'go' {
  const modes = options.modes ?? [];
  if (k === 0) {
    walk.started = true;
    return record(walk, 0, [ts], options.steps);
  }
  if (modes.includes('strict_deduplication') && walk.reached[k]) return 'stop';
  if (modes.includes('strict_order') && walk.started && !walk.reached[k - 1]) return 'stop';
  const previous = walk.chains[k - 1];
  if (!previous || ts > previous[0] + options.window) return 'go';
  if (modes.includes('strict_increase') && !(previous[k - 1] < ts)) return 'go';
  return record(walk, k, [...previous, ts], options.steps);
}

/** Stores a chain at step k; the first chain to go deepest is the one reported. */
function record(walk: Walk, k: number, chain: number[], steps: number): 'stop' | 'go' {
  walk.chains[k] = chain;
  walk.reached[k] = true;
  if (chain.length > walk.best.length) walk.best = chain;
  // Like ClickHouse, the search ends at the first complete chain.
  return chain.length === steps ? 'stop' : 'go';
}

function applyExclusions(walk: Walk, event: FunnelEvent, options: WindowFunnelOptions): void {
  (options.exclusions ?? []).forEach((ex, i) => {
    if (!(event.exclusions & (1 << i))) return;
    for (let level = ex.from; level < ex.to; level++) {
      const chain = walk.chains[level - 1];
      if (chain && chain[level - 1] < event.ts) walk.chains[level - 1] = null;
    }
  });
}

/**
 * Order of events: by time; at equal times, events matching a lower step first, then events
 * matching only exclusions, then events matching nothing. Ties are broken on the masks, so
 * the order, and therefore the result, never depends on the order events arrived in.
 */
export function compareFunnelEvents(a: FunnelEvent, b: FunnelEvent): number {
  return a.ts - b.ts || rank(a) - rank(b) || a.steps - b.steps || a.exclusions - b.exclusions;
}

function rank(e: FunnelEvent): number {
  if (e.steps !== 0) return 31 - Math.clz32(e.steps & -e.steps);
  return e.exclusions !== 0 ? 32 : 33;
}
