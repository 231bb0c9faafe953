/**
 * Judges a condition tree on metric readings. Pure: the readings come from `read`, so the same
 * tree can be judged on stored data, on a preview, or on a hand-made series in a test.
 *
 * Three-valued: a condition breaches (true), holds (false) or cannot be decided (null: a value
 * is undefined, such as a ratio without a denominator, or the history is too short). `all` is
 * false if any child is false, else null if any is null; `any` is true if any child is true,
 * else null if any is null.
 */
import type { WindowRef } from '../alert-windows.js';
import { type AlertCondition, type Direction, type LeafCondition, isComposite } from './condition-types.js';
import { anomalyScore, mean, median } from './robust-stats.js';

/** Reads a metric in a window relative to the slot; null when undefined there. */
export type MetricReader = (metric: string, ref: WindowRef) => number | null;

/** The verdict of one condition, with what it looked at. */
export interface ConditionResult {
  type: AlertCondition['type'];
  breached: boolean | null;
  metric?: string;
  /** The metric in the current window. */
  value?: number | null;
  /** What it was compared with: the threshold, the base of a change, the baseline statistic. */
  reference?: number | null;
  /** The change (absolute or percent) or the anomaly score. */
  score?: number | null;
  /** Past weeks' values of an anomaly or baseline, most recent first. */
  history?: (number | null)[];
  children?: ConditionResult[];
}

/** Judges `c` (presets already expanded) for metric `defaultMetric`. */
export function evaluateCondition(c: AlertCondition, defaultMetric: string, read: MetricReader): ConditionResult {
  if (isComposite(c)) {
    const children = c.conditions.map((child) => evaluateCondition(child, defaultMetric, read));
    return { type: c.type, breached: combine(c.type, children.map((r) => r.breached)), children };
  }
  if (c.type === 'preset') throw new Error('expand presets before evaluating');
  return evaluateLeaf(c, c.metric ?? defaultMetric, read);
}

function combine(type: 'all' | 'any', verdicts: (boolean | null)[]): boolean | null {
  const decisive = type === 'all' ? false : true;
  if (verdicts.includes(decisive)) return decisive;
  return verdicts.includes(null) ? null : !decisive;
}

function evaluateLeaf(c: LeafCondition, metric: string, read: MetricReader): ConditionResult {
  const value = read(metric, { kind: 'current' });
  const base = { type: c.type, metric, value };
  switch (c.type) {
    case 'threshold':
      return { ...base, reference: c.value, breached: value === null ? null : passes(value, c.op, c.value, c.inclusive) };
    case 'change': {
      const reference = read(metric, c.compare === 'previous_period' ? { kind: 'previous' } : { kind: 'weeks_ago', weeks: 1 });
      const score = changeOf(value, reference, c.mode);
      return { ...base, reference, score, breached: score === null ? null : moved(score, c.direction, c.amount, c.inclusive) };
    }
    case 'anomaly': {
      const history = pastWeeks(metric, c.weeks, read);
      const known = history.filter((x): x is number => x !== null);
      if (value === null || known.length < c.minHistory) return { ...base, history, score: null, breached: null };
      const score = anomalyScore(value, known, c.method);
      return { ...base, history, reference: c.method === 'zscore' ? mean(known) : median(known), score, breached: moved(score, c.direction, c.k, false) };
    }
    case 'baseline': {
      const history = pastWeeks(metric, c.weeks, read);
      const known = history.filter((x): x is number => x !== null);
      if (known.length === 0) return { ...base, history, reference: null, breached: null };
      const reference = c.stat === 'median' ? median(known) : mean(known);
      return { ...base, history, reference, breached: passes(reference, c.op, c.value, c.inclusive) };
    }
  }
}

function pastWeeks(metric: string, weeks: number, read: MetricReader): (number | null)[] {
  return Array.from({ length: weeks }, (_, i) => read(metric, { kind: 'weeks_ago', weeks: i + 1 }));
}

/** Whether `x` is past `limit`: above is `>` (or `≥` when inclusive), below is `<` (or `≤`). */
export function passes(x: number, op: 'above' | 'below', limit: number, inclusive: boolean): boolean {
  if (op === 'above') return inclusive ? x >= limit : x > limit;
  return inclusive ? x <= limit : x < limit;
}

function changeOf(value: number | null, base: number | null, mode: 'absolute' | 'percent'): number | null {
  if (value === null || base === null) return null;
  if (mode === 'absolute') return value - base;
  return base === 0 ? null : ((value - base) / Math.abs(base)) * 100;
}

function moved(change: number, direction: Direction, amount: number, inclusive: boolean): boolean {
  if (direction === 'up') return passes(change, 'above', amount, inclusive);
  if (direction === 'down') return passes(-change, 'above', amount, inclusive);
  return passes(Math.abs(change), 'above', amount, inclusive);
}
