/**
 * Fills the trigger-scan.sql template for one trigger and runs it: new firings are recorded as
 * pending. Values are bound; the compiled conditions hold only operators and parameter names.
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { TriggerDefinition } from '../../../../audiences/trigger-schema.js';
import { loadSql } from '../../load-sql.js';
import { cachedStatement } from '../funnels/cached-statement.js';
import { compileCondition, type CompiledSql } from '../funnels/compile-conditions.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const TEMPLATE = loadSql(DIR, 'trigger-scan');
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Records the firings due at `now`; returns how many were new. */
export function scanTrigger(db: Database.Database, site: string, id: string, def: TriggerDefinition, now: number): number {
  const params: CompiledSql['params'] = {};
  const when = compileCondition('w', def.when, params);
  // compileCondition writes conditions over `e`; the unless event is `f` in the subquery.
  // Only column references start with `e.` (values are parameters), so renaming is safe.
  const unless = def.unless ? compileCondition('u', def.unless, params).replace(/\be\./g, 'f.') : '0';
  const sql = TEMPLATE.replace('/*when*/', `(${when})`).replace('/*unless*/', `(${unless})`);
  const withinMs = (def.unless?.withinMinutes ?? 0) * MINUTE_MS;
  const dueBefore = now - withinMs;
  return cachedStatement(db, sql).run({
    ...params, site, trigger_id: id, now,
    scan_from: dueBefore - def.maxAgeHours * HOUR_MS,
    due_before: dueBefore,
    within_ms: withinMs,
    window_ms: def.oncePerHours * HOUR_MS,
    unknown_ok: def.consent === 'not_withdrawn' ? 1 : 0,
  }).changes;
}
