import { coalitionValue, type CoalitionGame } from './coalition-game.js';

/**
 * Exact Shapley values, `φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S))`,
 * over all 2^n coalitions. The subset sums behind v are built with one pass per player (a
 * zeta transform), so the cost is O(n · 2^n): about 50 000 steps for 12 channels.
 */
export function exactShapleyValues(game: CoalitionGame): number[] {
  const n = game.players.length;
  const size = 1 << n;
  const conversions = new Float64Array(size);
  const paths = new Float64Array(size);
  for (const set of game.sets) {
    const mask = set.members.reduce((m, i) => m | (1 << i), 0);
    conversions[mask] += set.conversions;
    paths[mask] += set.paths;
  }
  for (let bit = 0; bit < n; bit++) {
    for (let mask = 0; mask < size; mask++) {
      if (mask & (1 << bit)) {
        conversions[mask] += conversions[mask ^ (1 << bit)];
        paths[mask] += paths[mask ^ (1 << bit)];
      }
    }
  }
  const v = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) v[mask] = coalitionValue(game, conversions[mask], paths[mask]);
  const weight = coalitionWeights(n);
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < size; mask++) {
    const s = popCount(mask);
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) phi[i] += weight[s] * (v[mask | (1 << i)] - v[mask]);
    }
  }
  return phi;
}

/** `w[s] = s! (n−s−1)! / n!`, computed as a product to stay accurate. */
function coalitionWeights(n: number): number[] {
  const w: number[] = [];
  for (let s = 0; s < n; s++) {
    // s!(n−s−1)!/n! = 1 / (n · C(n−1, s))
    let binom = 1;
    for (let k = 1; k <= s; k++) binom = (binom * (n - 1 - s + k)) / k;
    w.push(1 / (n * binom));
  }
  return w;
}

function popCount(x: number): number {
  let count = 0;
  for (let y = x; y; y &= y - 1) count++;
  return count;
}
