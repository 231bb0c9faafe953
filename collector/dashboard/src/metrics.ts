/** The metric dictionary (`GET /v1/metrics`): names, descriptions and directions of metrics. */
import { apiGet } from './api.js';

/** A metric as the API describes it (see collector/src/analytics/metrics/metrics-json.ts). */
export interface MetricInfo {
  id: string;
  kind: 'base' | 'derived';
  name: { en: string; zh: string };
  formula: string;
  unit: 'count' | 'ratio' | 'currency' | 'seconds';
  direction: 'higher_is_better' | 'lower_is_better';
  description: { en: string; zh: string };
  inputs: string[];
}

let cached: Promise<Map<string, MetricInfo>> | null = null;

/** The metrics by id, fetched once. */
export function loadMetrics(): Promise<Map<string, MetricInfo>> {
  cached ??= apiGet<{ metrics: MetricInfo[] }>('/v1/metrics').then((r) => new Map(r.metrics.map((m) => [m.id, m])));
  cached.catch(() => (cached = null));
  return cached;
}
