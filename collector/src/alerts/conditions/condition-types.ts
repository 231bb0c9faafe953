/**
 * The conditions an alert rule can test. Every leaf may name its own metric; without one it tests
 * the rule's metric. Thresholds are strict unless `inclusive` is set: "above 100" does not breach
 * at exactly 100, "above 100 inclusive" does.
 */

/** Which way a change or anomaly must go to breach. */
export type Direction = 'up' | 'down' | 'either';

/** value > threshold (above) or value < threshold (below); with `inclusive`, ≥ and ≤. */
export interface ThresholdCondition {
  type: 'threshold';
  metric?: string;
  op: 'above' | 'below';
  value: number;
  inclusive: boolean;
}

/**
 * The current window against the previous window of the same length, or against the same
 * window one week earlier. `percent` compares (current − base) / base × 100; with base 0 the
 * percentage is undefined and the condition undetermined.
 */
export interface ChangeCondition {
  type: 'change';
  metric?: string;
  compare: 'previous_period' | 'same_weekday_last_week';
  direction: Direction;
  mode: 'absolute' | 'percent';
  amount: number;
  inclusive: boolean;
}

/**
 * The current window against the same window in each of the past `weeks` weeks (weekday
 * seasonality). `zscore`: (x − mean) / sample standard deviation; `mad`: 0.6745 (x − median) /
 * MAD. Breaches when the score passes `k` (strictly). With a flat history (deviation 0) any
 * difference from it breaches.
 */
export interface AnomalyCondition {
  type: 'anomaly';
  metric?: string;
  method: 'zscore' | 'mad';
  weeks: number;
  k: number;
  direction: Direction;
  /** Fewest past weeks with a value needed to decide; fewer leaves the condition undetermined. */
  minHistory: number;
}

/** A statistic (median or mean) of the same window over the past `weeks` weeks against a value. */
export interface BaselineCondition {
  type: 'baseline';
  metric?: string;
  weeks: number;
  stat: 'median' | 'mean';
  op: 'above' | 'below';
  value: number;
  inclusive: boolean;
}

/** `all`: every condition breaches (AND); `any`: at least one does (OR). Nests freely. */
export interface CompositeCondition {
  type: 'all' | 'any';
  conditions: AlertCondition[];
}

/**
 * Ready-made behaviour anomalies. `bounce_rate_spike`: the bounce rate is anomalously high
 * against the same weekday of past weeks. `channel_sessions_zero`: the rule's channel had no
 * sessions although its baseline median was at least `minBaseline`.
 */
export type PresetCondition =
  | { type: 'preset'; preset: 'bounce_rate_spike'; k: number; weeks: number; method: 'zscore' | 'mad' }
  | { type: 'preset'; preset: 'channel_sessions_zero'; weeks: number; minBaseline: number };

/** A leaf condition (reads metrics). */
export type LeafCondition = ThresholdCondition | ChangeCondition | AnomalyCondition | BaselineCondition;

/** Any condition of a rule. */
export type AlertCondition = LeafCondition | CompositeCondition | PresetCondition;

/** Whether `c` combines other conditions. */
export function isComposite(c: AlertCondition): c is CompositeCondition {
  return c.type === 'all' || c.type === 'any';
}
