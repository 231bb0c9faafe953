/**
 * Compiles an audience expression to ClickHouse, as the SQLite engine's compile-expression.ts
 * does to SQLite: a predicate over `person_id` in which every tag condition and every event
 * condition is a membership test (ClickHouse has no correlated subqueries), combined with AND,
 * OR and NOT. Each set is computed once over the Distributed tables, so a person's devices on
 * several shards count together. The tests are GLOBAL IN: the predicate runs on the initiating
 * server, where GLOBAL changes nothing, but should a release push it down into the distributed
 * read of the universe, the sets are still computed whole and shipped to the shards. Every
 * value is a `{name:Type}` placeholder; only operator text and parameter names are written.
 */
import { fileURLToPath } from 'node:url';
import { expressionSql, type Expression } from '../../../../audiences/audience-expression.js';
import type { ClickHouseDb, Params } from '../../clickhouse-db.js';
import { compileCondition, type CompiledSql } from '../funnels/compile-conditions.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const DAY_MS = 86_400_000;

/**
 * The predicate of `e` over `person_id`; `now` anchors "the last D days", and `runs` gives the
 * current run of each tag (a tag without one has no values).
 */
export function compileExpression(e: Expression, now: number, runs: Record<string, number>): CompiledSql {
  const params: Params = {};
  const sql = expressionSql(e, (node, key) => {
    if (node.type === 'tag') return tagSql(key, node, runs, params);
    params[`${key}_from`] = now - node.days * DAY_MS;
    params[`${key}_min`] = node.minCount;
    const cond = compileCondition(key, { event: node.event, filters: node.filters }, params);
    // Counted over the Distributed table: a person's devices may sit on several shards.
    return `(person_id GLOBAL IN (SELECT assumeNotNull(person_id) AS person FROM {table:events} FINAL`
      + ` WHERE site = {site:String} AND ts >= {${key}_from:Int64} AND ts < {now:Int64}`
      + ` AND is_bot = 0 AND person_id IS NOT NULL AND (${cond})`
      + ' AND session_key GLOBAL NOT IN (SELECT session_key FROM {table:sessions} FINAL'
      + ' WHERE site = {site:String} AND deleted = 0 AND (is_bot = 1 OR too_long = 1))'
      + ` GROUP BY person HAVING count() >= {${key}_min:UInt32}))`;
  });
  return { sql, params: { ...params, now } };
}

function tagSql(key: string, node: Extract<Expression, { type: 'tag' }>, runs: Record<string, number>, params: Params): string {
  // Own keys only: a tag may be named like an Object.prototype member ("constructor").
  const run = Object.prototype.hasOwnProperty.call(runs, node.tag) ? runs[node.tag] : undefined;
  // A tag never computed has no values: nobody has it, everybody lacks a value.
  if (run === undefined) return node.op === 'neq' ? 'toUInt8(1)' : 'toUInt8(0)';
  params[`${key}_tag`] = node.tag;
  params[`${key}_run`] = run;
  const has = (extra: string) => `(person_id GLOBAL IN (SELECT person_id FROM {table:person_tags} FINAL`
    + ` WHERE site = {site:String} AND tag_id = {${key}_tag:String} AND run = {${key}_run:UInt64}${extra}))`;
  // Tag values are stored as text: compare with the text form of the value (true → 'true').
  if (node.op === 'exists') return has('');
  if (node.op === 'in') {
    params[`${key}_v`] = (node.value as unknown[]).map(String);
    return has(` AND value IN {${key}_v:Array(String)}`);
  }
  params[`${key}_v`] = String(node.value);
  const equal = has(` AND value = {${key}_v:String}`);
  return node.op === 'neq' ? `(NOT ${equal})` : equal;
}

/** The person ids `e` selects in `site` now, sorted as SQLite's ORDER BY person_id (bytes). */
export async function selectAudience(ch: ClickHouseDb, site: string, e: Expression, now: number, runs: Record<string, number>): Promise<string[]> {
  const compiled = compileExpression(e, now, runs);
  const sql = ch.sql(DIR, 'audience-members').replace('/*predicate*/', () => compiled.sql);
  return (await ch.rows<{ personId: string }>(sql, { ...compiled.params, site })).map((r) => r.personId);
}
