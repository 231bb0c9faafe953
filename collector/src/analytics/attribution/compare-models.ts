import { markov } from './markov-attribution.js';
import { firstTouch, lastNonDirect, lastTouch, linear, positionBased, timeDecay } from './rule-based-models.js';
import { shapley, type ShapleyOptions } from './shapley-attribution.js';
import type { TimeDecayOptions } from './time-decay.js';
import type { AttributionInput, AttributionResult, Credit, ModelId } from './types.js';

/** Every model, in the order reports show them. */
export const MODEL_IDS: readonly ModelId[] = [
  'first_touch',
  'last_touch',
  'last_non_direct',
  'linear',
  'time_decay',
  'position_based',
  'markov',
  'shapley',
];

/** Options passed to the models that take any. */
export interface CompareOptions {
  timeDecay?: TimeDecayOptions;
  shapley?: ShapleyOptions;
}

/** All models side by side: one row per key with each model's credit (0 where it gave none). */
export interface ModelComparison {
  models: readonly ModelId[];
  rows: { key: string; credits: Record<ModelId, Credit> }[];
  unattributed: Credit;
  totals: Credit;
  results: Record<ModelId, AttributionResult>;
}

/** Runs all eight models on the same input and lines them up by key. */
export function compareModels(input: AttributionInput, options: CompareOptions = {}): ModelComparison {
  const results: Record<ModelId, AttributionResult> = {
    first_touch: firstTouch(input),
    last_touch: lastTouch(input),
    last_non_direct: lastNonDirect(input),
    linear: linear(input),
    time_decay: timeDecay(input, options.timeDecay),
    position_based: positionBased(input),
    markov: markov(input),
    shapley: shapley(input, options.shapley),
  };
  const keys = new Set<string>();
  for (const id of MODEL_IDS) for (const key of results[id].credits.keys()) keys.add(key);
  const rows = [...keys].sort().map((key) => {
    const credits = {} as Record<ModelId, Credit>;
    for (const id of MODEL_IDS) credits[id] = results[id].credits.get(key) ?? { conversions: 0, revenue: 0 };
    return { key, credits };
  });
  const { unattributed, totals } = results.first_touch;
  return { models: MODEL_IDS, rows, unattributed, totals, results };
}
