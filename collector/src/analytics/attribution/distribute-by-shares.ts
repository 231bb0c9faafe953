import { CreditLedger } from './credit-ledger.js';
import type { AttributionInput, AttributionResult, ModelId } from './types.js';

/**
 * Hands out the conversions that had touches, and their revenue, in proportion to `weights`
 * (non-negative, not necessarily normalised). This is how the data-driven models turn a
 * per-channel score into credit: globally, over all touched conversions together, as the
 * ChannelAttribution-style Markov model does. Touch-less conversions stay unattributed.
 */
export function distributeByShares(
  input: AttributionInput,
  model: ModelId,
  weights: ReadonlyMap<string, number>,
): AttributionResult {
  const ledger = new CreditLedger();
  let conversions = 0;
  let revenue = 0;
  for (const c of input.conversions) {
    ledger.countConversion(c.value);
    if (c.touches.length === 0) {
      ledger.leaveUnattributed(c.value);
    } else {
      conversions += 1;
      revenue += c.value;
    }
  }
  const sum = [...weights.values()].reduce((a, b) => a + b, 0);
  if (conversions > 0 && sum > 0) {
    for (const [key, w] of weights) {
      if (w > 0) ledger.give(key, (w / sum) * conversions, revenue / conversions);
    }
  }
  return ledger.result(model);
}
