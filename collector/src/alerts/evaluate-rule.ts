/**
 * One evaluation of a rule at one slot: a function of the rule, the slot time and the data, so
 * it can be run for any hand-picked time (previews, tests, catch-up after a restart).
 */
import type Database from 'better-sqlite3';
import { refreshDerived } from '../analytics/sessions/refresh-derived.js';
import type { AlertRule } from './alert-rule.js';
import { resolveWindow, type TimeWindow, type WindowRef } from './alert-windows.js';
import { evaluateCondition, type ConditionResult } from './conditions/evaluate-condition.js';
import { expandPresets } from './conditions/expand-presets.js';
import type { MetricSource } from './metrics/metric-source.js';
import { sqliteMetricSource } from './metrics/sqlite-metric-source.js';

/** breach: the condition holds against the rule; ok: it does not; skipped: nothing was judged. */
export type EvaluationOutcome = 'breach' | 'ok' | 'skipped';

/** The result of evaluating a rule at a slot. */
export interface RuleEvaluation {
  ruleId: string;
  slot: number;
  outcome: EvaluationOutcome;
  /** Why skipped: `insufficient_volume` (below minVolume) or `undetermined` (a value is undefined). */
  reason: 'insufficient_volume' | 'undetermined' | null;
  /** The rule's metric in the current window. */
  value: number | null;
  /** The minVolume metric in the current window, when the rule has one. */
  volume: number | null;
  window: TimeWindow;
  condition: ConditionResult | null;
}

/** Evaluates `rule` at `slot` on the collector's data (derived sessions refreshed first). */
export function evaluateRule(db: Database.Database, rule: AlertRule, slot: number): RuleEvaluation {
  refreshDerived(db, rule.site);
  return evaluateRuleWith(sqliteMetricSource(db), rule, slot);
}

/** Evaluates `rule` at `slot` on the numbers of `source`. */
export function evaluateRuleWith(source: MetricSource, rule: AlertRule, slot: number): RuleEvaluation {
  const window = resolveWindow(rule.window, slot, rule.timezone, { kind: 'current' });
  const read = (metric: string, ref: WindowRef) => {
    const w = ref.kind === 'current' ? window : resolveWindow(rule.window, slot, rule.timezone, ref);
    return source.read(metric, { site: rule.site, start: w.start, end: w.end, filters: rule.filters, currency: rule.currency, timeZone: rule.timezone, attribution: rule.attribution });
  };
  const value = read(rule.metric, { kind: 'current' });
  const base = { ruleId: rule.id, slot, value, window };
  let volume: number | null = null;
  if (rule.minVolume) {
    volume = read(rule.minVolume.metric, { kind: 'current' });
    if (volume === null || volume < rule.minVolume.min) {
      return { ...base, outcome: 'skipped', reason: 'insufficient_volume', volume, condition: null };
    }
  }
  const condition = evaluateCondition(expandPresets(rule.condition), rule.metric, read);
  const outcome = condition.breached === null ? 'skipped' : condition.breached ? 'breach' : 'ok';
  return { ...base, outcome, reason: outcome === 'skipped' ? 'undetermined' : null, volume, condition };
}
