import { AnalyticsInputError } from '../input-error.js';
import type { WeightRule } from './rule-based-weights.js';

const DAY_MS = 86_400_000;

/** Options of the time-decay model. */
export interface TimeDecayOptions {
  /** Half-life in ms: a touch this much older gets half the weight. Default 7 days (Google's). */
  halfLifeMs?: number;
  /**
   * Measure Δt in whole elapsed days (`floor(Δt / 1 day)`), as in Adobe's worked example, instead
   * of exact milliseconds. Default false.
   */
  wholeDays?: boolean;
}

/** Default half-life: 7 days. */
export const DEFAULT_HALF_LIFE_MS = 7 * DAY_MS;

/**
 * Weight rule `2^(−Δt / halfLife)` normalised to sum 1, with Δt the time from touch to
 * conversion (negative Δt, a touch stamped after the conversion, counts as 0).
 *
 * Weights are computed relative to the most recent touch (its weight is 2^0 = 1 before
 * normalising): the ratio between touches is unchanged, and a 90-day lookback with a short
 * half-life cannot underflow every weight to 0.
 */
export function timeDecayWeights(options: TimeDecayOptions = {}): WeightRule {
  const halfLifeMs = options.halfLifeMs ?? DEFAULT_HALF_LIFE_MS;
  if (!Number.isFinite(halfLifeMs) || halfLifeMs <= 0) {
    throw new AnalyticsInputError('/halfLifeMs', `got ${halfLifeMs}`, 'a finite number of ms > 0');
  }
  const halfLife = options.wholeDays ? halfLifeMs / DAY_MS : halfLifeMs;
  const elapsed = (deltaMs: number) => {
    const d = Math.max(0, deltaMs);
    return options.wholeDays ? Math.floor(d / DAY_MS) : d;
  };
  return (touches, conversionTs) => {
    const deltas = touches.map((t) => elapsed(conversionTs - t.ts));
    const nearest = Math.min(...deltas);
    const raw = deltas.map((d) => 2 ** (-(d - nearest) / halfLife));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => w / sum);
  };
}
