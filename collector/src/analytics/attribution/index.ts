/** Attribution models: rule-based, Markov and Shapley, and a side-by-side comparison. */
export type * from './types.js';
export { firstTouch, lastTouch, lastNonDirect, linear, positionBased, timeDecay, attributeByWeights } from './rule-based-models.js';
export { timeDecayWeights, DEFAULT_HALF_LIFE_MS, type TimeDecayOptions } from './time-decay.js';
export { markov, markovRemovalEffects } from './markov-attribution.js';
export { shapley, shapleyValues, type ShapleyOptions, type ShapleyValues } from './shapley-attribution.js';
export { compareModels, MODEL_IDS, type CompareOptions, type ModelComparison } from './compare-models.js';
export { validateAttributionInput } from './validate-attribution-input.js';
