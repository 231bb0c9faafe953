import { assertFiniteNumber } from '../input-error.js';

/** Whether a larger value is better (frequency, monetary) or a smaller one (recency). */
export type ScoreDirection = 'higher_is_better' | 'lower_is_better';

/**
 * Scores values 1–5 by quintile, rank-based:
 *
 *   sort the values from worst to best; rank r = 1 + (number of values strictly worse);
 *   score = 1 + floor(5 × (r − 1) / n).
 *
 * Ties share the rank of the first of them (the lowest), hence the same score: a customer is
 * never scored differently from another with the same value. Consequences worth knowing: when
 * many values tie (most customers bought once), they all get the lowest score of their block;
 * a single value scores 1; scores are 5 only for the best fifth.
 * Returns the scores in the order of `values`. O(n log n).
 */
export function quintileScores(values: readonly number[], direction: ScoreDirection): number[] {
  values.forEach((v, i) => assertFiniteNumber(v, `/${i}`));
  const n = values.length;
  const goodness = (v: number) => (direction === 'higher_is_better' ? v : -v);
  const order = values.map((_, i) => i).sort((a, b) => goodness(values[a]) - goodness(values[b]));
  const scores = new Array<number>(n);
  let rank = 1;
  order.forEach((index, position) => {
    if (position > 0 && goodness(values[index]) !== goodness(values[order[position - 1]])) rank = position + 1;
    scores[index] = 1 + Math.floor((5 * (rank - 1)) / n);
  });
  return scores;
}
