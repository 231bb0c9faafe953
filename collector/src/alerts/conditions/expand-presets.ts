import { type AlertCondition, isComposite } from './condition-types.js';

/**
 * Replaces preset conditions by the plain conditions they stand for, so the evaluator and the
 * history show what was actually tested.
 */
export function expandPresets(c: AlertCondition): AlertCondition {
  if (isComposite(c)) return { type: c.type, conditions: c.conditions.map(expandPresets) };
  if (c.type !== 'preset') return c;
  if (c.preset === 'bounce_rate_spike') {
    return { type: 'anomaly', metric: 'bounce_rate', method: c.method, weeks: c.weeks, k: c.k, direction: 'up', minHistory: Math.min(3, c.weeks) };
  }
  // A channel "drops to zero" only if it usually has traffic at this time of the week.
  return {
    type: 'all',
    conditions: [
      { type: 'threshold', metric: 'sessions', op: 'below', value: 0, inclusive: true },
      { type: 'baseline', metric: 'sessions', weeks: c.weeks, stat: 'median', op: 'above', value: c.minBaseline, inclusive: true },
    ],
  };
}
