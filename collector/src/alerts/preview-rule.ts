/**
 * When a rule would have fired: the evaluator and the lifecycle replayed over every slot of the
 * last `days` days, on the stored data. Bounded: at most `maxSlots` slots (the newest) are
 * evaluated, and window figures are read once and shared between slots (the same-weekday
 * windows of one slot are the current windows of earlier ones).
 */
import type { AlertData } from './alert-data.js';
import { INITIAL_STATE, nextState, type RuleState } from './alert-lifecycle.js';
import type { AlertRule } from './alert-rule.js';
import { evaluateRuleWith, fetchReadings } from './evaluate-rule.js';
import { engineMetricSource } from './metrics/engine-metric-source.js';
import { slotsBetween } from './schedule/cron-slots.js';

/** A preview of a rule. */
export interface RulePreview {
  /** The period replayed, ISO instants. */
  from: string;
  to: string;
  slots: number;
  /** True when the period had more slots than were evaluated (the oldest were left out). */
  truncated: boolean;
  outcomes: { breach: number; ok: number; skipped: number };
  firings: { slot: string; value: number | null }[];
  recoveries: { slot: string; value: number | null }[];
}

const DAY = 86_400_000;

/** Replays `rule` over the `days` days before `now`. */
export async function previewRule(data: AlertData, rule: AlertRule, now: number, days = 30, maxSlots = 2000): Promise<RulePreview> {
  const from = now - days * DAY;
  const found = slotsBetween(rule.schedule.cron, rule.timezone, from, now, maxSlots + 1);
  const truncated = found.length > maxSlots;
  const slots = truncated ? found.slice(1) : found;
  const source = await fetchReadings(engineMetricSource(data), rule, slots);
  const outcomes = { breach: 0, ok: 0, skipped: 0 };
  const firings: RulePreview['firings'] = [];
  const recoveries: RulePreview['recoveries'] = [];
  let state: RuleState = INITIAL_STATE;
  for (const slot of slots) {
    const e = evaluateRuleWith(source, rule, slot);
    outcomes[e.outcome] += 1;
    const t = nextState(state, e.outcome, slot, rule.lifecycle);
    state = t.state;
    if (t.event === 'fired') firings.push({ slot: new Date(slot).toISOString(), value: e.value });
    if (t.event === 'recovered') recoveries.push({ slot: new Date(slot).toISOString(), value: e.value });
  }
  return { from: new Date(from).toISOString(), to: new Date(now).toISOString(), slots: slots.length, truncated, outcomes, firings, recoveries };
}
