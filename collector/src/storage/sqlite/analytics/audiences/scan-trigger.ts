/**
 * Fills the trigger-candidates.sql template for one trigger and runs it. Values are bound; the
 * compiled conditions hold only operators and parameter names.
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { TriggerCandidate, TriggerScan } from '../../../../audiences/audience-engine.js';
import { loadSql } from '../../load-sql.js';
import { cachedStatement } from '../funnels/cached-statement.js';
import { compileCondition, type CompiledSql } from '../funnels/compile-conditions.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const TEMPLATE = loadSql(DIR, 'trigger-candidates');

/** The events that may fire the trigger, by person, time and id. */
export function triggerCandidates(db: Database.Database, q: TriggerScan): TriggerCandidate[] {
  const params: CompiledSql['params'] = {};
  const when = compileCondition('w', q.when, params);
  // compileCondition writes conditions over `e`; the unless event is `f` in the subquery.
  // Only column references start with `e.` (values are parameters), so renaming is safe.
  const unless = q.unless ? compileCondition('u', q.unless, params).replace(/\be\./g, 'f.') : '0';
  const sql = TEMPLATE.replace('/*when*/', `(${when})`).replace('/*unless*/', `(${unless})`);
  return cachedStatement(db, sql).all({
    ...params, site: q.site, scan_from: q.scanFrom, due_before: q.dueBefore, within_ms: q.withinMs,
  }) as TriggerCandidate[];
}
