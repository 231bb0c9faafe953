/** Types of the metric dictionary and the division rule every derived metric follows. */

/** What a number measures: a count, a ratio (0.25 = 25 %), money, or a duration in seconds. */
export type MetricUnit = 'count' | 'ratio' | 'currency' | 'seconds';

/** Whether a rise is good news; alerts and dashboards colour changes with it. */
export type MetricDirection = 'higher_is_better' | 'lower_is_better';

/** English and Chinese text; marketers read both. */
export interface BilingualText {
  en: string;
  zh: string;
}

/** Base aggregates that derived metrics read, by metric id. Missing or null means unknown. */
export type MetricInputs = Readonly<Record<string, number | null | undefined>>;

/** One metric. Base metrics are counted by queries; derived ones are computed from bases. */
export interface MetricDefinition {
  /** snake_case identifier used by the API, alerts and reports. */
  id: string;
  name: BilingualText;
  /** Human-readable formula, e.g. `(revenue − cost) / cost`. */
  formula: string;
  unit: MetricUnit;
  description: BilingualText;
  direction: MetricDirection;
  kind: 'base' | 'derived';
  /** Ids of the base metrics a derived metric reads. */
  inputs?: readonly string[];
  /** Derived metrics only: the value, or null when it is undefined (see {@link ratio}). */
  compute?: (inputs: MetricInputs) => number | null;
}

/**
 * The division rule of the dictionary: `numerator / denominator`, or null when the denominator
 * is 0 or either side is missing or not finite. Null means "not defined" (ROI without cost,
 * conversion rate without sessions) and is shown as "—", never as 0 or Infinity.
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

/** `a − b`, or null when either is missing or not finite. */
export function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a - b;
}
