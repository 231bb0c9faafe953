import type { AlertAttribution, AlertFilters } from '../alert-rule.js';

/** What a metric is read for: a site, a window `[start, end)` and the rule's filters. */
export interface MetricQuery {
  site: string;
  start: number;
  end: number;
  filters: AlertFilters;
  /** Currency of money metrics; without it a window with several currencies is undefined. */
  currency?: string;
  timeZone: string;
  /** Attribution of the ROI metrics; default last non-direct, 30-day lookback. */
  attribution?: AlertAttribution;
}

/**
 * Where an evaluation gets its numbers. The collector reads them with the report functions
 * (sqliteMetricSource); a test or a preview can supply any other source.
 */
export interface MetricSource {
  /** The metric's value, or null when it is undefined in this window (e.g. a ratio over 0). */
  read(metric: string, q: MetricQuery): number | null;
}
