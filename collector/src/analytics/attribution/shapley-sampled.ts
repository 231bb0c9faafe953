import { coalitionValue, type CoalitionGame } from './coalition-game.js';
import { mulberry32 } from '../random.js';

/** Estimates with their standard errors. */
export interface SampledShapley {
  values: number[];
  /** Standard error of each estimate: sample standard deviation of the marginal gains / √m. */
  standardErrors: number[];
}

/**
 * Shapley values estimated from `samples` random orderings of the players (permutation
 * sampling, Castro et al. 2009). Each ordering adds players one by one and credits each with
 * the gain in v when it joins; the average gain is an unbiased estimate of φ_i. The seeded
 * generator makes the result reproducible. In every ordering the gains add up to v(N), so the
 * estimates always sum to v(N) exactly, whatever their individual error.
 *
 * A channel set becomes covered when its last member joins, so one ordering costs
 * O(n + Σ|set|) instead of re-evaluating v from scratch.
 */
export function sampledShapleyValues(game: CoalitionGame, samples: number, seed: number): SampledShapley {
  const n = game.players.length;
  const sum = new Array<number>(n).fill(0);
  const sumSq = new Array<number>(n).fill(0);
  const random = mulberry32(seed);
  const order = game.players.map((_, i) => i);
  const position = new Array<number>(n).fill(0);
  for (let m = 0; m < samples; m++) {
    shuffle(order, random);
    order.forEach((p, k) => (position[p] = k));
    const gains = marginalGains(game, order, position);
    gains.forEach((g, k) => {
      sum[order[k]] += g;
      sumSq[order[k]] += g * g;
    });
  }
  const values = sum.map((s) => s / samples);
  const standardErrors = values.map((mean, i) => {
    const variance = Math.max(0, sumSq[i] / samples - mean * mean);
    return Math.sqrt(variance / samples);
  });
  return { values, standardErrors };
}

/** Gain in v as each player of `order` joins, indexed by position in the order. */
function marginalGains(game: CoalitionGame, order: number[], position: number[]): number[] {
  const n = order.length;
  const conversionsAt = new Array<number>(n).fill(0);
  const pathsAt = new Array<number>(n).fill(0);
  for (const set of game.sets) {
    let last = 0;
    for (const p of set.members) last = Math.max(last, position[p]);
    conversionsAt[last] += set.conversions;
    pathsAt[last] += set.paths;
  }
  const gains: number[] = [];
  let conversions = 0;
  let paths = 0;
  let previous = coalitionValue(game, 0, 0);
  for (let k = 0; k < n; k++) {
    conversions += conversionsAt[k];
    paths += pathsAt[k];
    const v = coalitionValue(game, conversions, paths);
    gains.push(v - previous);
    previous = v;
  }
  return gains;
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
