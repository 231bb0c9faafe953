/** Stored alert rules and their lifecycle state. */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { AlertRule } from '../../../alerts/alert-rule.js';
import type { RuleState } from '../../../alerts/alert-lifecycle.js';
import { preparedStatement } from '../analytics/channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const sql = (db: Database.Database, name: string) => preparedStatement(db, DIR, name);

interface RuleRow {
  id: string;
  site: string;
  definition: string;
  enabled: number;
  created_at: number;
  updated_at: number;
}

/** A rule's state with the bookkeeping the scheduler needs. */
export interface StoredRuleState extends RuleState {
  /** Newest evaluated slot, or null before the first evaluation. */
  lastSlot: number | null;
  /** The open incident, if any. */
  incidentId: string | null;
}

function toRule(row: RuleRow): AlertRule {
  const definition = JSON.parse(row.definition) as Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'>;
  return { ...definition, id: row.id, site: row.site, enabled: row.enabled === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}

function definitionJson(rule: AlertRule): string {
  const { id: _id, createdAt: _c, updatedAt: _u, ...definition } = rule;
  return JSON.stringify(definition);
}

/** Stores a new rule. */
export function insertRule(db: Database.Database, rule: AlertRule): void {
  sql(db, 'insert-rule').run({
    id: rule.id, site: rule.site, name: rule.name, definition: definitionJson(rule), enabled: rule.enabled ? 1 : 0,
    created_at: rule.createdAt, updated_at: rule.updatedAt,
  });
}

/** Replaces a rule's definition; false when there is no such rule. */
export function updateRule(db: Database.Database, rule: AlertRule): boolean {
  return sql(db, 'update-rule').run({
    id: rule.id, name: rule.name, definition: definitionJson(rule), enabled: rule.enabled ? 1 : 0, updated_at: rule.updatedAt,
  }).changes === 1;
}

/** Deletes a rule and its state; its history (evaluations, incidents, events) stays. */
export function deleteRule(db: Database.Database, id: string): boolean {
  return db.transaction(() => {
    sql(db, 'delete-rule-state').run({ id });
    return sql(db, 'delete-rule').run({ id }).changes === 1;
  })();
}

/** The rule with this id, or undefined. */
export function getRule(db: Database.Database, id: string): AlertRule | undefined {
  const row = sql(db, 'select-rule').get({ id }) as RuleRow | undefined;
  return row && toRule(row);
}

/** Rules of a site, oldest first. */
export function listRules(db: Database.Database, site: string): AlertRule[] {
  return (sql(db, 'select-site-rules').all({ site }) as RuleRow[]).map(toRule);
}

/** Every enabled rule, oldest first. */
export function listEnabledRules(db: Database.Database): AlertRule[] {
  return (sql(db, 'select-enabled-rules').all({}) as RuleRow[]).map(toRule);
}

/** A rule's state (the initial one before its first evaluation). */
export function getRuleState(db: Database.Database, ruleId: string): StoredRuleState {
  const row = sql(db, 'select-state').get({ rule_id: ruleId }) as
    | { status: RuleState['status']; consecutive: number; last_slot: number | null; last_fired_at: number | null; incident_id: string | null }
    | undefined;
  if (!row) return { status: 'ok', consecutive: 0, lastFiredAt: null, lastSlot: null, incidentId: null };
  return { status: row.status, consecutive: row.consecutive, lastFiredAt: row.last_fired_at, lastSlot: row.last_slot, incidentId: row.incident_id };
}

/** Writes a rule's state. */
export function saveRuleState(db: Database.Database, ruleId: string, s: StoredRuleState, now: number): void {
  sql(db, 'upsert-state').run({
    rule_id: ruleId, status: s.status, consecutive: s.consecutive, last_slot: s.lastSlot, last_fired_at: s.lastFiredAt,
    incident_id: s.incidentId, updated_at: now,
  });
}
