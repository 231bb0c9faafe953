/**
 * One evaluation of a rule at one slot: a function of the rule, the slot time and the data, so
 * it can be run for any hand-picked time (previews, tests, catch-up after a restart).
 */
import type { AlertData } from './alert-data.js';
import type { AlertRule } from './alert-rule.js';
import { resolveWindow, type TimeWindow, type WindowRef } from './alert-windows.js';
import { evaluateCondition, type ConditionResult } from './conditions/evaluate-condition.js';
import { expandPresets } from './conditions/expand-presets.js';
import { engineMetricSource } from './metrics/engine-metric-source.js';
import type { MetricFetcher, MetricQuery, MetricSource } from './metrics/metric-source.js';

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

/** Evaluates `rule` at `slot` on the collector's data, on either storage engine. */
export async function evaluateRule(data: AlertData, rule: AlertRule, slot: number): Promise<RuleEvaluation> {
  return evaluateRuleWith(await fetchReadings(engineMetricSource(data), rule, [slot]), rule, slot);
}

/** How many windows are read from the engine at once (ClickHouse answers them in parallel). */
const PARALLEL_READS = 4;

/**
 * Fetches every reading that evaluating `rule` at `slots` needs, each (metric, window) once, and
 * returns them as a source the pure evaluator can judge. Which readings an evaluation makes
 * does not depend on their values (every leaf reads all its windows and composites judge every
 * child), so a dry run that answers a large value to everything lists them; the large value
 * also clears any minimum volume, so the condition's own readings are listed too.
 */
export async function fetchReadings(fetcher: MetricFetcher, rule: AlertRule, slots: readonly number[]): Promise<MetricSource> {
  const wanted = new Map<string, [string, MetricQuery]>();
  const lister: MetricSource = {
    read(metric, q) {
      wanted.set(readingKey(metric, q), [metric, q]);
      return Number.MAX_SAFE_INTEGER;
    },
  };
  for (const slot of slots) evaluateRuleWith(lister, rule, slot);
  await fetcher.prefetch?.([...wanted.values()]);
  const readings = new Map<string, number | null>();
  const queue = [...wanted];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, [metric, q]] = next;
      readings.set(key, await fetcher.read(metric, q));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return {
    read(metric, q) {
      const key = readingKey(metric, q);
      if (!readings.has(key)) throw new Error(`alert reading ${key} was not fetched`);
      return readings.get(key)!;
    },
  };
}

function readingKey(metric: string, q: MetricQuery): string {
  return JSON.stringify([metric, q.site, q.start, q.end, q.filters, q.currency ?? null, q.timeZone, q.attribution ?? null]);
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
