/**
 * The metric dictionary: the one place where Maidian's metrics are named and defined. The API
 * (`GET /v1/metrics`), alerts, reports and the dashboard all read it; docs/metrics.md is
 * rendered from it and a test fails when that file is stale.
 */
import { AnalyticsInputError } from '../input-error.js';
import { BASE_METRICS } from './base-metrics.js';
import { DERIVED_METRICS } from './derived-metrics.js';
import type { MetricDefinition, MetricInputs } from './metric-types.js';

export type * from './metric-types.js';
export { ratio, difference } from './metric-types.js';

/** Version of the definitions; bump it when a formula changes meaning. */
export const METRIC_DICTIONARY_VERSION = 1;

/** Every metric: bases first, then derived, each in reading order. */
export const METRICS: readonly MetricDefinition[] = [...BASE_METRICS, ...DERIVED_METRICS];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The metric with this id, or undefined. */
export function getMetric(id: string): MetricDefinition | undefined {
  return BY_ID.get(id);
}

/**
 * Value of a derived metric from base aggregates (null when undefined, e.g. ROI with cost 0).
 * Throws an {@link AnalyticsInputError} for an unknown id or a base metric.
 */
export function computeMetric(id: string, inputs: MetricInputs): number | null {
  const metric = BY_ID.get(id);
  if (!metric?.compute) {
    const derived = METRICS.filter((m) => m.compute).map((m) => m.id);
    throw new AnalyticsInputError('/metric', `${JSON.stringify(id)} is not a derived metric`, `one of ${derived.join(', ')}`);
  }
  return metric.compute(inputs);
}
