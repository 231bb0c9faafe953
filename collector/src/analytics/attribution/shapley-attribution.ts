import { AnalyticsInputError } from '../input-error.js';
import { collectChannelPaths } from './channel-paths.js';
import { buildCoalitionGame, type CoalitionValue } from './coalition-game.js';
import { distributeByShares } from './distribute-by-shares.js';
import { exactShapleyValues } from './shapley-exact.js';
import { sampledShapleyValues } from './shapley-sampled.js';
import type { AttributionInput, AttributionResult } from './types.js';
import { validateAttributionInput } from './validate-attribution-input.js';

/** Options of the Shapley model. */
export interface ShapleyOptions {
  /** Characteristic function; default `conversion_rate`. */
  value?: CoalitionValue;
  /** Up to this many channels the values are exact (2^n coalitions); default 12, max 20. */
  exactLimit?: number;
  /** Orderings sampled above the limit; default 4000. */
  samples?: number;
  /** Seed of the sampler; default 1. The same input and seed give the same result. */
  seed?: number;
}

/** Shapley values per channel and how they were obtained. */
export interface ShapleyValues {
  values: Map<string, number>;
  method: 'exact' | 'permutation_sampling';
  /** Only for sampling: number of orderings and the standard error of each value. */
  samples?: number;
  standardErrors?: Map<string, number>;
}

/** Computes the Shapley value of every channel (exact up to `exactLimit` channels). */
export function shapleyValues(input: AttributionInput, options: ShapleyOptions = {}): ShapleyValues {
  validateAttributionInput(input);
  const exactLimit = options.exactLimit ?? 12;
  const samples = options.samples ?? 4000;
  if (!Number.isInteger(exactLimit) || exactLimit < 0 || exactLimit > 20) {
    throw new AnalyticsInputError('/exactLimit', `got ${exactLimit}`, 'an integer from 0 to 20');
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new AnalyticsInputError('/samples', `got ${samples}`, 'an integer ≥ 1');
  }
  const game = buildCoalitionGame(collectChannelPaths(input), options.value ?? 'conversion_rate');
  const byKey = (xs: number[]) => new Map(game.players.map((k, i) => [k, xs[i]]));
  if (game.players.length <= exactLimit) {
    return { values: byKey(exactShapleyValues(game)), method: 'exact' };
  }
  const sampled = sampledShapleyValues(game, samples, options.seed ?? 1);
  return {
    values: byKey(sampled.values),
    method: 'permutation_sampling',
    samples,
    standardErrors: byKey(sampled.standardErrors),
  };
}

/**
 * Shapley (data-driven) attribution: touched conversions and revenue shared in proportion to
 * the channels' Shapley values. With the conversion-rate value a channel can have a negative
 * value (paths through it convert worse); such a channel gets no credit and the positive values
 * are renormalised, since credit cannot be negative.
 */
export function shapley(input: AttributionInput, options: ShapleyOptions = {}): AttributionResult {
  const { values } = shapleyValues(input, options);
  const positive = new Map([...values].map(([k, v]) => [k, Math.max(0, v)]));
  return distributeByShares(input, 'shapley', positive);
}
