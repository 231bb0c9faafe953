/**
 * The window-funnel matcher of `analytics/funnels/funnel-matcher.ts` written as array
 * expressions over one unit's events, for ClickHouse 18.16 (no windowFunnel modes, no fold).
 *
 * `ev` is the unit's events sorted as compareFunnelEvents orders them: tuples (ts, rank, step
 * mask, exclusion mask[, (dimension, is_number)]). The matcher keeps per step k the chain that last
 * reached it (`chains[k]`); here each array has one entry per event, the state after that event:
 *   v{k}   the event advances chains[k]: it matches step k + 1 and chains[k − 1] was alive before
 *          it, within the window of its start (and strictly later in strict_increase)
 *   c{k}   how many events so far advanced chains[k] (> 0: step k + 1 was reached)
 *   p{k}   the position of the last such event, from which the best chain is walked back
 *   ss{k}  the start time of chains[k];  lt{k}  the time it reached step k + 1
 *   al{k}  chains[k] is alive: set, and no exclusion came strictly later since
 * Values at "the last position where v holds" are filled forward by repeating them over their
 * run (arrayResize + groupArrayArray): a lambda that captures an array copies it per element,
 * which is quadratic in a unit's events, so no lambda below captures an array.
 */
import type { FunnelDefinition } from '../../../sqlite/analytics/funnels/funnel-definition.js';

/** What the array program needs to know about the definition. */
export interface ChainShape {
  steps: number;
  mode: FunnelDefinition['mode'];
  /** Per exclusion, the chains it breaks: [from, to) in 1-based steps. */
  exclusions: readonly { from: number; to: number }[];
  /** Whether events carry a breakdown value (element 5 of `ev`). */
  breakdown: boolean;
}

/** One query level: `expr AS name` items over the columns of the level below, and a filter. */
export interface QueryLevel {
  items: string[];
  where?: string;
}

/**
 * The program as query levels, innermost first: each level is `expr AS name` items that read the
 * columns of the level below. 18.16 substitutes aliases into the expressions that use them
 * before it runs a query, so chains of aliases across steps would grow the query exponentially
 * ("AST is too big"); a level per step keeps it linear.
 */
export function chainLevels(shape: ChainShape): QueryLevel[] {
  const { steps: K, mode } = shape;
  const levels: QueryLevel[] = [];
  let items: string[] = [];
  const def = (name: string, sql: string) => items.push(`${sql} AS ${name}`);
  const next = () => {
    levels.push({ items });
    items = [];
  };
  def('f_t', 'arrayMap(e -> e.1, ev)');
  def('f_s', 'arrayMap(e -> e.3, ev)');
  // strict_order drops an event that matches no step before its exclusions are applied.
  if (shape.exclusions.length) def('f_x', mode === 'strict_order' ? 'arrayMap(e -> if(e.3 = 0, 0, e.4), ev)' : 'arrayMap(e -> e.4, ev)');
  def('f_i', 'arrayEnumerate(ev)');
  def('f_n', 'length(ev)');
  next();
  for (let k = 0; k < K; k++) {
    def(`v${k}`, k === 0 ? 'arrayMap(s -> bitAnd(s, 1) != 0, f_s)' : advance(k, mode));
    def(`c${k}`, `arrayCumSum(v${k})`);
    if (k < K - 1) chainState(shape, k, def);
    next();
  }
  def('f_lim', mode === 'strict_order' ? `if(indexOf(${stopFlags(K)} AS f_stop, 1) = 0, f_n + 1, indexOf(f_stop, 1))` : 'f_n + 1');
  next();
  for (let k = 0; k < K; k++) def(`f${k}`, `toUInt32(if(indexOf(v${k}, 1) < f_lim, indexOf(v${k}, 1), 0))`);
  const arrayLevel = Array.from({ length: K }, (_, k) => `(f${k} > 0)`).join(' + ');
  def('level', `toUInt8(${arrayLevel})`);
  next();
  // The best chain is the first to reach the level: walk back from where it did.
  def(`q${K - 1}`, `if(level = ${K}, f${K - 1}, toUInt32(0))`);
  for (let m = K - 2; m >= 0; m--) def(`q${m}`, `multiIf(level = ${m + 1}, f${m}, level > ${m + 1}, p${m}[q${m + 1} - 1], toUInt32(0))`);
  next();
  def('times', `arraySlice([${Array.from({ length: K }, (_, m) => `f_t[q${m}]`).join(', ')}], 1, level)`);
  if (shape.breakdown) {
    // The smallest breakdown value among step-1 events at the chain's start (as stepOneDim); the
    // events at one time are adjacent in the sorted arrays.
    def('f_from', 'indexOf(f_t, f_t[q0])');
    def('f_count', 'countEqual(f_t, f_t[q0])');
    def('dim', "arrayReduce('min', arrayFilter((d, s) -> bitAnd(s, 1) != 0, arraySlice(arrayMap(e -> e.5, ev), f_from, f_count), arraySlice(f_s, f_from, f_count)))");
  } else {
    def('dim', "('', toUInt8(0))");
  }
  next();
  return levels;
}

/** The state of chains[k] after each event: where it was last advanced, its start and its life. */
function chainState(shape: ChainShape, k: number, def: (name: string, sql: string) => void): void {
  def(`p${k}`, `arrayMap((i, c, u) -> toUInt32(if(c = 0, 0, i - u + 1)), f_i, c${k}, arrayEnumerateUniq(c${k}))`);
  def(`ss${k}`, fillForward(k === 0 ? 'f_t' : shift(`ss${k - 1}`), `v${k}`));
  const mask = exclusionMask(shape, k);
  if (mask || shape.mode === 'strict_increase') def(`lt${k}`, fillForward('f_t', `v${k}`));
  if (mask) {
    def(`xe${k}`, `arrayMap(x -> bitAnd(x, ${mask}) != 0, f_x)`);
    def(`al${k}`, `arrayMap((c, ce, le, lt) -> c > 0 AND (ce = 0 OR le <= lt), c${k}, arrayCumSum(xe${k}), ${fillForward('f_t', `xe${k}`)}, lt${k})`);
  } else {
    def(`al${k}`, `arrayMap(c -> c > 0, c${k})`);
  }
}

/**
 * Step k advances chains[k] from chains[k − 1] as it stood after the previous event: the
 * higher steps of an event are applied first, so one event never advances a chain twice.
 */
function advance(k: number, mode: FunnelDefinition['mode']): string {
  const args = ['s', 't', 'a', 'st'];
  const arrays = ['f_s', 'f_t', shift(`al${k - 1}`), shift(`ss${k - 1}`)];
  let test = `bitAnd(s, ${2 ** k}) != 0 AND a AND t <= st + {window:Int64}`;
  if (mode === 'strict_increase') {
    args.push('lt');
    arrays.push(shift(`lt${k - 1}`));
    test += ' AND lt < t';
  }
  return `arrayMap((${args.join(', ')}) -> ${test}, ${arrays.join(', ')})`;
}

/**
 * strict_order: once step 1 was seen, the search stops at an event that matches no step, or at
 * a step whose previous step was never reached. Nothing from that event on counts.
 */
function stopFlags(K: number): string {
  const args = ['s', 'b0'];
  const arrays = ['f_s', shift('c0')];
  const gaps = ['s = 0'];
  for (let k = 1; k < K; k++) {
    if (k > 1) {
      args.push(`b${k - 1}`);
      arrays.push(shift(`c${k - 1}`));
    }
    gaps.push(`(bitAnd(s, ${2 ** k}) != 0 AND b${k - 1} = 0)`);
  }
  return `arrayMap((${args.join(', ')}) -> b0 > 0 AND (${gaps.join(' OR ')}), ${arrays.join(', ')})`;
}

/** Bits of the exclusions that break chains[k] (step k + 1 in [from, to)); null when none. */
function exclusionMask(shape: ChainShape, k: number): number | null {
  let mask = 0;
  shape.exclusions.forEach((x, i) => {
    if (x.from - 1 <= k && k <= x.to - 2) mask |= 2 ** i;
  });
  return mask || null;
}

/** The array shifted right by one: entry i holds the state after event i − 1 (0 before any). */
function shift(array: string): string {
  return `arrayPushFront(arrayPopBack(${array}), 0)`;
}

/** Entry i: `values` at the last position ≤ i where `flags` holds (0 before the first). */
function fillForward(values: string, flags: string): string {
  const at = `arrayFilter((a, b) -> b, ${values}, ${flags})`;
  const where = `arrayFilter((i, b) -> b, f_i, ${flags})`;
  const runs = `arrayPopFront(arrayDifference(arrayConcat([1], ${where}, [f_n + 1])))`;
  return `arrayReduce('groupArrayArray', arrayMap((a, r) -> arrayResize([a], r, a), arrayPushFront(${at}, 0), ${runs}))`;
}
