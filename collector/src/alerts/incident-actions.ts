/** What people do with an incident: acknowledge it, or resolve it by hand. */
import type Database from 'better-sqlite3';
import {
  acknowledgeIncident, getIncident, insertEvent, resolveIncident, type IncidentRecord,
} from '../storage/sqlite/alerts/alert-history-store.js';
import { getRuleState, saveRuleState } from '../storage/sqlite/alerts/alert-rules-store.js';

/** Why an action was refused. */
export class IncidentActionError extends Error {
  constructor(readonly code: 'not_found' | 'conflict', message: string) {
    super(message);
  }
}

/** Acknowledges a firing incident: the rule stays quiet until it recovers or is resolved. */
export function acknowledge(db: Database.Database, id: string, owner: string, note: string | null, now: number): IncidentRecord {
  return db.transaction(() => {
    const incident = mustGet(db, id);
    if (!acknowledgeIncident(db, id, now, owner, note)) {
      throw new IncidentActionError('conflict', `incident "${id}" is ${incident.status}; only a firing incident can be acknowledged`);
    }
    const state = getRuleState(db, incident.rule_id);
    if (state.incidentId === id) saveRuleState(db, incident.rule_id, { ...state, status: 'acknowledged' }, now);
    insertEvent(db, { site: incident.site, ruleId: incident.rule_id, incidentId: id, type: 'acknowledged', at: now, owner, note, payload: {} });
    return getIncident(db, id)!;
  })();
}

/**
 * Resolves an open incident by hand. The rule's streak starts over: if the metric is still out
 * of bounds it fires again after `consecutive` breaches and the cooldown.
 */
export function resolve(db: Database.Database, id: string, owner: string, note: string | null, now: number): IncidentRecord {
  return db.transaction(() => {
    const incident = mustGet(db, id);
    if (!resolveIncident(db, id, now, owner, note)) {
      throw new IncidentActionError('conflict', `incident "${id}" is already resolved`);
    }
    const state = getRuleState(db, incident.rule_id);
    if (state.incidentId === id) saveRuleState(db, incident.rule_id, { ...state, status: 'ok', consecutive: 0, incidentId: null }, now);
    insertEvent(db, { site: incident.site, ruleId: incident.rule_id, incidentId: id, type: 'resolved', at: now, owner, note, payload: {} });
    return getIncident(db, id)!;
  })();
}

function mustGet(db: Database.Database, id: string): IncidentRecord {
  const incident = getIncident(db, id);
  if (!incident) throw new IncidentActionError('not_found', `no incident "${id}"`);
  return incident;
}
