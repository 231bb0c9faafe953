/** Evaluations, incidents and lifecycle events of alert rules. */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { RuleEvaluation } from '../../../alerts/evaluate-rule.js';
import { preparedStatement } from '../analytics/channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const sql = (db: Database.Database, name: string) => preparedStatement(db, DIR, name);

/** The kinds of lifecycle events. */
export type AlertEventType = 'fired' | 'acknowledged' | 'resolved' | 'recovered';

/** One lifecycle event. */
export interface AlertEventRecord {
  seq: number;
  site: string;
  ruleId: string;
  incidentId: string | null;
  type: AlertEventType;
  at: number;
  owner: string | null;
  note: string | null;
  payload: unknown;
}

/** An incident as stored. */
export interface IncidentRecord {
  id: string;
  rule_id: string;
  site: string;
  status: 'firing' | 'acknowledged' | 'resolved';
  fired_at: number;
  value: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolve_note: string | null;
}

/** Whether the rule was already evaluated at this slot. */
export function wasEvaluated(db: Database.Database, ruleId: string, slot: number): boolean {
  return sql(db, 'select-evaluation-exists').get({ rule_id: ruleId, slot }) !== undefined;
}

/** Records an evaluation; throws a constraint error if this rule and slot were evaluated before. */
export function insertEvaluation(db: Database.Database, e: RuleEvaluation, now: number): void {
  const { ruleId: _r, slot: _s, outcome: _o, reason: _re, value: _v, ...detail } = e;
  sql(db, 'insert-evaluation').run({
    rule_id: e.ruleId, slot: e.slot, evaluated_at: now, outcome: e.outcome, reason: e.reason, value: finiteOrNull(e.value),
    detail: JSON.stringify(detail),
  });
}

/** Evaluations of a rule with slots in `[from, to)`, oldest first. */
export function listEvaluations(db: Database.Database, ruleId: string, from: number, to: number, limit: number) {
  return (sql(db, 'select-evaluations').all({ rule_id: ruleId, from, to, limit }) as
    { rule_id: string; slot: number; evaluated_at: number; outcome: string; reason: string | null; value: number | null; detail: string }[])
    .map((r) => ({ ruleId: r.rule_id, slot: r.slot, evaluatedAt: r.evaluated_at, outcome: r.outcome, reason: r.reason, value: r.value, detail: JSON.parse(r.detail) }));
}

/** Opens an incident. */
export function insertIncident(db: Database.Database, i: { id: string; ruleId: string; site: string; firedAt: number; value: number | null }): void {
  sql(db, 'insert-incident').run({ id: i.id, rule_id: i.ruleId, site: i.site, fired_at: i.firedAt, value: finiteOrNull(i.value) });
}

/** Acknowledges a firing incident; false when it is not firing. */
export function acknowledgeIncident(db: Database.Database, id: string, at: number, owner: string, note: string | null): boolean {
  return sql(db, 'acknowledge-incident').run({ id, at, owner, note }).changes === 1;
}

/** Resolves an open incident (owner null: the metric recovered by itself); false when not open. */
export function resolveIncident(db: Database.Database, id: string, at: number, owner: string | null, note: string | null): boolean {
  return sql(db, 'resolve-incident').run({ id, at, owner, note }).changes === 1;
}

/** The incident with this id, or undefined. */
export function getIncident(db: Database.Database, id: string): IncidentRecord | undefined {
  return sql(db, 'select-incident').get({ id }) as IncidentRecord | undefined;
}

/** Incidents of a site, newest first. */
export function listIncidents(db: Database.Database, q: { site: string; ruleId: string | null; status: string | null; limit: number }): IncidentRecord[] {
  return sql(db, 'select-incidents').all({ site: q.site, rule_id: q.ruleId, status: q.status, limit: q.limit }) as IncidentRecord[];
}

/** Appends a lifecycle event and returns its sequence number. */
export function insertEvent(db: Database.Database, e: Omit<AlertEventRecord, 'seq'>): number {
  return Number(sql(db, 'insert-event').run({
    site: e.site, rule_id: e.ruleId, incident_id: e.incidentId, type: e.type, at: e.at, owner: e.owner, note: e.note, payload: JSON.stringify(e.payload),
  }).lastInsertRowid);
}

interface EventRow { seq: number; site: string; rule_id: string; incident_id: string | null; type: AlertEventType; at: number; owner: string | null; note: string | null; payload: string }

const toEvent = (r: EventRow): AlertEventRecord => ({
  seq: r.seq, site: r.site, ruleId: r.rule_id, incidentId: r.incident_id, type: r.type, at: r.at, owner: r.owner, note: r.note, payload: JSON.parse(r.payload),
});

/** Lifecycle events of a site (optionally one rule) with `at` in `[from, to)`, oldest first. */
export function listEvents(db: Database.Database, q: { site: string; ruleId: string | null; from: number; to: number; limit: number }): AlertEventRecord[] {
  return (sql(db, 'select-events').all({ site: q.site, rule_id: q.ruleId, from: q.from, to: q.to, limit: q.limit }) as EventRow[]).map(toEvent);
}

/** The event with this sequence number, or undefined. */
export function getEvent(db: Database.Database, seq: number): AlertEventRecord | undefined {
  const row = sql(db, 'select-event').get({ seq }) as EventRow | undefined;
  return row && toEvent(row);
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}
