/**
 * The rule-based attribution models. Each spreads every conversion (count 1 and its revenue)
 * over that conversion's touches by a fixed rule; a touch-less conversion stays unattributed.
 */
import { byTime, CreditLedger } from './credit-ledger.js';
import {
  firstTouchWeights,
  lastNonDirectWeights,
  lastTouchWeights,
  linearWeights,
  positionBasedWeights,
  type WeightRule,
} from './rule-based-weights.js';
import { timeDecayWeights, type TimeDecayOptions } from './time-decay.js';
import type { AttributionInput, AttributionResult, ModelId } from './types.js';
import { validateAttributionInput } from './validate-attribution-input.js';

/** Applies a weight rule to every conversion of `input`. */
export function attributeByWeights(input: AttributionInput, model: ModelId, rule: WeightRule): AttributionResult {
  validateAttributionInput(input);
  const ledger = new CreditLedger();
  for (const conversion of input.conversions) {
    ledger.countConversion(conversion.value);
    if (conversion.touches.length === 0) {
      ledger.leaveUnattributed(conversion.value);
      continue;
    }
    const touches = byTime(conversion.touches);
    const weights = rule(touches, conversion.ts);
    touches.forEach((t, i) => {
      if (weights[i] > 0) ledger.give(t.key, weights[i], conversion.value);
    });
  }
  return ledger.result(model);
}

/** First touch: 100 % to the oldest touch. */
export const firstTouch = (input: AttributionInput) => attributeByWeights(input, 'first_touch', firstTouchWeights);

/** Last touch: 100 % to the newest touch. */
export const lastTouch = (input: AttributionInput) => attributeByWeights(input, 'last_touch', lastTouchWeights);

/** Last non-direct touch (GA4's cross-channel last click); all-direct paths fall back to direct. */
export const lastNonDirect = (input: AttributionInput) =>
  attributeByWeights(input, 'last_non_direct', lastNonDirectWeights);

/** Linear: equal shares. */
export const linear = (input: AttributionInput) => attributeByWeights(input, 'linear', linearWeights);

/** Position-based (U-shaped) 40 / 20 / 40. */
export const positionBased = (input: AttributionInput) =>
  attributeByWeights(input, 'position_based', positionBasedWeights);

/** Time decay with a half-life (default 7 days), exact or whole-day Δt. */
export const timeDecay = (input: AttributionInput, options: TimeDecayOptions = {}) =>
  attributeByWeights(input, 'time_decay', timeDecayWeights(options));
