import { METRIC_DICTIONARY_VERSION, METRICS } from './metric-dictionary.js';
import type { BilingualText, MetricDirection, MetricUnit } from './metric-types.js';

/** A metric as JSON: the definition without its compute function. */
export interface MetricJson {
  id: string;
  kind: 'base' | 'derived';
  name: BilingualText;
  formula: string;
  unit: MetricUnit;
  direction: MetricDirection;
  description: BilingualText;
  inputs: string[];
}

/** The body of `GET /v1/metrics`: plain data, safe to `JSON.stringify`. */
export function metricsJson(): { version: number; metrics: MetricJson[] } {
  return {
    version: METRIC_DICTIONARY_VERSION,
    metrics: METRICS.map((m) => ({
      id: m.id,
      kind: m.kind,
      name: { ...m.name },
      formula: m.formula,
      unit: m.unit,
      direction: m.direction,
      description: { ...m.description },
      inputs: [...(m.inputs ?? [])],
    })),
  };
}
