/**
 * Compiles an audience expression to SQL over a set of persons (`p.person_id`): tag conditions
 * become EXISTS over person_tags, event conditions a correlated count over the person's events,
 * AND / OR / NOT the SQL operators. Every value is a named parameter; only operator text and
 * parameter names are written into the SQL.
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { expressionSql, type Expression } from '../../../../audiences/audience-expression.js';
import { loadSql } from '../../load-sql.js';
import { cachedStatement } from '../funnels/cached-statement.js';
import { compileCondition, type CompiledSql } from '../funnels/compile-conditions.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const TEMPLATE = loadSql(DIR, 'audience-members');
const DAY_MS = 86_400_000;

/** The predicate of `e` over `p.person_id`; `now` anchors "the last D days". */
export function compileExpression(e: Expression, now: number): CompiledSql {
  const params: CompiledSql['params'] = {};
  const sql = expressionSql(e, (node, key) => {
    if (node.type === 'tag') return tagSql(key, node, params);
    params[`${key}_from`] = now - node.days * DAY_MS;
    params[`${key}_min`] = node.minCount;
    const cond = compileCondition(key, { event: node.event, filters: node.filters }, params);
    // Counted with the person's (site, person_id, ts) index; bots and flagged sessions left out.
    return `((SELECT count(*) FROM events e WHERE e.site = @site AND e.person_id = p.person_id`
      + ` AND e.ts >= @${key}_from AND e.ts < @now AND e.is_bot = 0 AND ${cond}`
      + ` AND e.session_key NOT IN (SELECT s.session_key FROM sessions s WHERE s.site = @site AND (s.is_bot = 1 OR s.too_long = 1))`
      + `) >= @${key}_min)`;
  });
  return { sql, params: { ...params, now } };
}

function tagSql(key: string, node: Extract<Expression, { type: 'tag' }>, params: CompiledSql['params']): string {
  params[`${key}_tag`] = node.tag;
  const has = `SELECT 1 FROM person_tags t WHERE t.site = @site AND t.tag_id = @${key}_tag AND t.person_id = p.person_id`;
  // Tag values are stored as text: compare with the text form of the value (true → 'true').
  if (node.op === 'exists') return `EXISTS (${has})`;
  if (node.op === 'in') {
    params[`${key}_v`] = JSON.stringify((node.value as unknown[]).map(String));
    return `EXISTS (${has} AND t.value IN (SELECT value FROM json_each(@${key}_v)))`;
  }
  params[`${key}_v`] = String(node.value);
  return `${node.op === 'neq' ? 'NOT ' : ''}EXISTS (${has} AND t.value = @${key}_v)`;
}

/** The person ids `e` selects in `site` now. */
export function selectAudience(db: Database.Database, site: string, e: Expression, now: number): string[] {
  const compiled = compileExpression(e, now);
  const sql = TEMPLATE.replace('/*predicate*/', compiled.sql);
  return (cachedStatement(db, sql).all({ ...compiled.params, site }) as { personId: string }[]).map((r) => r.personId);
}
