import { collectChannelPaths } from './channel-paths.js';
import { distributeByShares } from './distribute-by-shares.js';
import { buildMarkovChain, conversionProbability } from './markov-chain.js';
import type { AttributionInput, AttributionResult } from './types.js';
import { validateAttributionInput } from './validate-attribution-input.js';

/**
 * Removal effect of every channel: `1 − P(conversion without the channel) / P(conversion)`,
 * over all paths (converting and not). Empty when nothing converts through any channel.
 */
export function markovRemovalEffects(input: AttributionInput): Map<string, number> {
  validateAttributionInput(input);
  const chain = buildMarkovChain(collectChannelPaths(input));
  const base = conversionProbability(chain);
  const effects = new Map<string, number>();
  if (base <= 0) return effects;
  chain.channels.forEach((key, i) => {
    const without = conversionProbability(chain, i + 1);
    // Rounding can leave −1e-17 for a channel that never matters; credit cannot be negative.
    effects.set(key, Math.max(0, 1 - without / base));
  });
  return effects;
}

/**
 * Markov (data-driven) attribution: touched conversions and their revenue are shared among
 * channels in proportion to their removal effects.
 */
export function markov(input: AttributionInput): AttributionResult {
  return distributeByShares(input, 'markov', markovRemovalEffects(input));
}
