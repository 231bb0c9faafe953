/**
 * A hand-made metric source for evaluator tests: per metric, values keyed by the instant their
 * bucket starts. Counts add up over the buckets a window covers (a missing bucket is a gap in
 * the data: it counts 0); `ratio` metrics are looked up by the window's start (missing: null).
 */
import type { AlertRule } from '../../../../collector/src/alerts/alert-rule.js';
import type { MetricQuery, MetricSource } from '../../../../collector/src/alerts/metrics/metric-source.js';

export interface SeriesSpec {
  counts?: Record<string, Map<number, number>>;
  ratios?: Record<string, Map<number, number>>;
}

/** A source reading hand-made series; `reads` records every query for assertions on windows. */
export function seriesSource(spec: SeriesSpec): MetricSource & { reads: (MetricQuery & { metric: string })[] } {
  const reads: (MetricQuery & { metric: string })[] = [];
  return {
    reads,
    read(metric, q) {
      reads.push({ ...q, metric });
      const counts = spec.counts?.[metric];
      if (counts) {
        let total = 0;
        for (const [at, v] of counts) if (at >= q.start && at < q.end) total += v;
        return total;
      }
      const ratio = spec.ratios?.[metric]?.get(q.start);
      return ratio ?? null;
    },
  };
}

/** Hourly buckets from `from` (ISO) for `hours` hours, each with `valueOf(i, instant)`; undefined leaves a gap. */
export function hourly(from: string, hours: number, valueOf: (i: number, at: number) => number | undefined): Map<number, number> {
  const start = Date.parse(from);
  const m = new Map<number, number>();
  for (let i = 0; i < hours; i++) {
    const at = start + i * 3_600_000;
    const v = valueOf(i, at);
    if (v !== undefined) m.set(at, v);
  }
  return m;
}

/** A stored rule with defaults for the fields a test does not care about. */
export function rule(over: Partial<AlertRule> & Pick<AlertRule, 'condition'>): AlertRule {
  return {
    id: 'r1', site: 'shop', name: 'test rule', metric: 'sessions', filters: {}, window: { unit: 'hour', size: 1 },
    schedule: { cron: '0 * * * *' }, timezone: 'UTC', lifecycle: { consecutive: 1, cooldownMinutes: 0, notifyRecovery: true },
    channels: [], enabled: true, createdAt: 0, updatedAt: 0, ...over,
  };
}

/** Epoch ms of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso);
