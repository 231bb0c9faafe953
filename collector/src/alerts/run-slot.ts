/**
 * Evaluates a rule at one slot and records everything that follows from it — the evaluation,
 * the new state, an incident and its event, and the notifications to send — in one transaction.
 * A slot already evaluated is left alone, so catch-up and a second process never double one.
 */
import type Database from 'better-sqlite3';
import { nanoid } from 'nanoid';
import type { AlertData } from './alert-data.js';
import {
  insertEvaluation, insertEvent, insertIncident, resolveIncident, wasEvaluated,
} from '../storage/sqlite/alerts/alert-history-store.js';
import { enqueueNotification } from '../storage/sqlite/alerts/alert-outbox-store.js';
import { getRuleState, saveRuleState, type StoredRuleState } from '../storage/sqlite/alerts/alert-rules-store.js';
import { nextState, type LifecycleEvent } from './alert-lifecycle.js';
import { buildNotification } from './alert-notification.js';
import type { AlertRule } from './alert-rule.js';
import { evaluateRule, type RuleEvaluation } from './evaluate-rule.js';

/** What a slot produced. */
export interface SlotResult {
  evaluation: RuleEvaluation;
  event: LifecycleEvent | null;
  /** Sequence number of the recorded event, when there is one. */
  eventSeq: number | null;
}

/** Evaluates `rule` at `slot` unless done before (then null); the history goes to `data.meta`. */
export async function runSlot(data: AlertData, rule: AlertRule, slot: number, now = Date.now()): Promise<SlotResult | null> {
  const db = data.meta;
  if (wasEvaluated(db, rule.id, slot)) return null;
  const evaluation = await evaluateRule(data, rule, slot);
  try {
    return db.transaction(() => record(db, rule, evaluation, now))();
  } catch (err) {
    // Another process recorded this slot between our check and our insert.
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
    throw err;
  }
}

function record(db: Database.Database, rule: AlertRule, evaluation: RuleEvaluation, now: number): SlotResult {
  insertEvaluation(db, evaluation, now);
  const before = getRuleState(db, rule.id);
  const { state, event } = nextState(before, evaluation.outcome, evaluation.slot, rule.lifecycle);
  const after: StoredRuleState = { ...state, lastSlot: Math.max(before.lastSlot ?? evaluation.slot, evaluation.slot), incidentId: before.incidentId };
  let eventSeq: number | null = null;
  if (event === 'fired') {
    after.incidentId = nanoid(12);
    insertIncident(db, { id: after.incidentId, ruleId: rule.id, site: rule.site, firedAt: evaluation.slot, value: evaluation.value });
    eventSeq = recordEvent(db, rule, evaluation, 'fired', after.incidentId, now, true);
  } else if (event === 'recovered' && before.incidentId) {
    resolveIncident(db, before.incidentId, evaluation.slot, null, 'recovered: the metric is back in bounds');
    eventSeq = recordEvent(db, rule, evaluation, 'recovered', before.incidentId, now, rule.lifecycle.notifyRecovery);
    after.incidentId = null;
  }
  saveRuleState(db, rule.id, after, now);
  return { evaluation, event, eventSeq };
}

function recordEvent(db: Database.Database, rule: AlertRule, e: RuleEvaluation, type: LifecycleEvent, incidentId: string, now: number, notify: boolean): number {
  const payload = buildNotification(type === 'fired' ? 'alert.fired' : 'alert.recovered', rule, incidentId, e);
  const seq = insertEvent(db, { site: rule.site, ruleId: rule.id, incidentId, type, at: e.slot, owner: null, note: null, payload });
  if (notify) rule.channels.forEach((channel, i) => enqueueNotification(db, seq, i, channel, now));
  return seq;
}
