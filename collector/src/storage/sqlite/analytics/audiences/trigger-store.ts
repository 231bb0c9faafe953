/** Trigger definitions and firings in SQLite. Definitions are validated by the caller. */
import type Database from 'better-sqlite3';
import { TriggerDefinition } from '../../../../audiences/trigger-schema.js';
import { audienceSql } from './audience-store.js';

/** A stored trigger. */
export interface StoredTrigger {
  id: string;
  definition: TriggerDefinition;
  createdAt: number;
  updatedAt: number;
}

interface Row { id: string; definition: string; created_at: number; updated_at: number }

/** Saves (creates or replaces) a trigger. */
export function saveTrigger(db: Database.Database, site: string, id: string, def: TriggerDefinition, now = Date.now()): void {
  audienceSql(db, 'upsert-trigger').run({ site, id, definition: JSON.stringify(def), now });
}

/** One trigger, or undefined. */
export function getTrigger(db: Database.Database, site: string, id: string): StoredTrigger | undefined {
  const row = audienceSql(db, 'select-trigger').get({ site, id }) as Row | undefined;
  return row && fromRow(row);
}

/** The triggers of a site. */
export function listTriggers(db: Database.Database, site: string): StoredTrigger[] {
  return (audienceSql(db, 'select-triggers').all({ site }) as Row[]).map(fromRow);
}

/** Deletes a trigger and its firings; false when it did not exist. */
export function deleteTrigger(db: Database.Database, site: string, id: string): boolean {
  return db.transaction(() => {
    if (audienceSql(db, 'delete-trigger').run({ site, id }).changes === 0) return false;
    audienceSql(db, 'delete-trigger-firings').run({ site, id });
    return true;
  })();
}

/** The latest firings of a trigger. */
export function triggerFirings(db: Database.Database, site: string, id: string, limit = 100) {
  return (audienceSql(db, 'select-firings').all({ site, trigger_id: id, limit }) as { personId: string; eventId: string; eventTs: number; createdAt: number; status: string; attempts: number; deliveredAt: number | null; lastError: string | null }[])
    .map((r) => ({ ...r, eventTs: iso(r.eventTs), createdAt: iso(r.createdAt), deliveredAt: r.deliveredAt === null ? null : iso(r.deliveredAt) }));
}

const iso = (ms: number) => new Date(ms).toISOString();

function fromRow(row: Row): StoredTrigger {
  return { id: row.id, definition: TriggerDefinition.parse(JSON.parse(row.definition)), createdAt: row.created_at, updatedAt: row.updated_at };
}
