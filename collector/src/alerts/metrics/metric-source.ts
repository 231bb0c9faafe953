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
 * Readings an evaluation judges, at hand: the evaluator is pure and synchronous, so it can run on
 * readings fetched beforehand (fetchReadings), on a hand-made series in a test, or on a preview's.
 */
export interface MetricSource {
  /** The metric's value, or null when it is undefined in this window (e.g. a ratio over 0). */
  read(metric: string, q: MetricQuery): number | null;
}

/** Where readings come from: the storage engine's reports (engineMetricSource), asynchronously. */
export interface MetricFetcher {
  read(metric: string, q: MetricQuery): Promise<number | null>;
  /** Told every reading about to be read, so it can fetch what they share in fewer queries. */
  prefetch?(reads: readonly [metric: string, q: MetricQuery][]): Promise<void>;
}
