/**
 * A first-order Markov chain over channel paths: start → channel → … → conversion | null.
 * State 0 is the start, states 1..n are the channels (sorted keys). Absorption probabilities
 * are solved exactly from the transient system (I − Q) h = r.
 */
import { collapseRepeats, distinctKeys, type ChannelPath } from './channel-paths.js';
import { solveLinearSystem } from './solve-linear-system.js';

/** Transition counts of the chain. */
export interface MarkovChain {
  /** Channel keys; channel `i` is state `i + 1`. */
  channels: string[];
  /** `toState[s][t]`: how often state s (0 = start) moved to state t (0 is never a target). */
  toState: number[][];
  /** How often state s ended in a conversion. */
  toConversion: number[];
  /** How often state s ended without one. */
  toNull: number[];
}

/** Counts transitions over all paths, collapsing consecutive repeats of a channel first. */
export function buildMarkovChain(paths: readonly ChannelPath[]): MarkovChain {
  const channels = distinctKeys(paths);
  const index = new Map(channels.map((k, i) => [k, i + 1]));
  const size = channels.length + 1;
  const toState = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const toConversion = new Array<number>(size).fill(0);
  const toNull = new Array<number>(size).fill(0);
  for (const path of paths) {
    let from = 0;
    for (const key of collapseRepeats(path.keys)) {
      const to = index.get(key)!;
      toState[from][to] += path.count;
      from = to;
    }
    (path.converted ? toConversion : toNull)[from] += path.count;
  }
  return { channels, toState, toConversion, toNull };
}

/**
 * Probability that a walk from the start ends in a conversion. With `removed` (a channel
 * index), that channel becomes a dead end: every transition into it is absorbed as null.
 */
export function conversionProbability(chain: MarkovChain, removed?: number): number {
  const size = chain.channels.length + 1;
  const states: number[] = [];
  for (let s = 1; s < size; s++) if (s !== removed && outgoing(chain, s) > 0) states.push(s);
  const position = new Map(states.map((s, i) => [s, i]));
  const a = states.map((s, i) => {
    const row = new Array<number>(states.length).fill(0);
    row[i] = 1;
    const out = outgoing(chain, s);
    states.forEach((t, j) => (row[j] -= chain.toState[s][t] / out));
    return row;
  });
  const b = states.map((s) => chain.toConversion[s] / outgoing(chain, s));
  const h = states.length > 0 ? solveLinearSystem(a, b) : [];
  const out = outgoing(chain, 0);
  if (out === 0) return 0;
  let p = chain.toConversion[0] / out;
  for (const [s, i] of position) p += (chain.toState[0][s] / out) * h[i];
  return p;
}

function outgoing(chain: MarkovChain, s: number): number {
  return chain.toState[s].reduce((a, b) => a + b, 0) + chain.toConversion[s] + chain.toNull[s];
}
