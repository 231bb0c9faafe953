/**
 * Computes one tag's values in SQL: one statement per kind (tag-<kind>.sql), writing person_tags
 * directly. Only RFM segments pass through Node, because quintiles rank persons against each
 * other (the aggregated per-person rows come back, analytics/rfm scores them).
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { scoreRfm, type RfmCustomer } from '../../../../analytics/rfm/rfm-scores.js';
import type { TagRule } from '../../../../audiences/tag-schema.js';
import { DEFAULT_AIPL_RULES } from '../aipl/aipl-rules.js';
import { cachedStatement, fileStatement } from '../funnels/cached-statement.js';
import { compileCondition, type CompiledSql } from '../funnels/compile-conditions.js';
import { loadSql } from '../../load-sql.js';
import { aiplParams } from '../aipl/aipl-params.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const RFM_DIR = fileURLToPath(new URL('../rfm/', import.meta.url));
const BEHAVIOR_TEMPLATE = loadSql(DIR, 'tag-behavior');
const DAY_MS = 86_400_000;
const DEFAULT_AIPL_DAYS = 90;
const AIPL_DIR = fileURLToPath(new URL('../aipl/', import.meta.url));
/** The AIPL value tag: each active person's stage, by the same SQL as the AIPL report. */
const AIPL_TAG = `INSERT INTO person_tags (site, tag_id, person_id, value, computed_at)
SELECT @site, @tag_id, person_id, stage, @now FROM (${loadSql(AIPL_DIR, 'aipl-person-stages')})`;

/** What one computation needs. `sinceSeq` null = every person, else persons with newer events. */
export interface TagComputation {
  site: string;
  tagId: string;
  rule: TagRule;
  now: number;
  sinceSeq: number | null;
  timeZone: string;
}

/**
 * Whether a rule can be refreshed for changed persons only. Rules over a moving window (the last
 * D days), and RFM (quintiles against everyone), change without new events, so they cannot.
 */
export function isIncremental(rule: TagRule): boolean {
  if (rule.kind === 'attribute') return true;
  if (rule.kind === 'preference') return rule.days === undefined;
  return rule.kind === 'value' && rule.measure === 'revenue_band';
}

/** Replaces the tag's values in scope with freshly computed ones; returns the rows written. */
export function computeTag(db: Database.Database, c: TagComputation): number {
  const sinceSeq = isIncremental(c.rule) ? c.sinceSeq : null;
  const base = { site: c.site, tag_id: c.tagId, now: c.now };
  fileStatement(db, DIR, 'delete-tag-values').run({ ...base, since_seq: sinceSeq });
  const rule = c.rule;
  const run = (name: string, params: Record<string, unknown>) => fileStatement(db, DIR, name).run({ ...base, ...params }).changes;
  switch (rule.kind) {
    case 'attribute':
      return run('tag-attribute', { path: jsonPath(rule.trait), since_seq: sinceSeq });
    case 'behavior': {
      const cond = behaviorCondition(rule);
      return cachedStatement(db, cond.sql).run({ ...base, ...cond.params, from: c.now - rule.days * DAY_MS, min_count: rule.minCount }).changes;
    }
    case 'preference': {
      const from = rule.days === undefined ? 0 : c.now - rule.days * DAY_MS;
      if (rule.dimension === 'channel') return run('tag-preference-channel', { from, since_seq: sinceSeq });
      return run('tag-preference-property', { from, event: rule.event, path: jsonPath(rule.prop!), since_seq: sinceSeq });
    }
    case 'lifecycle':
      return run('tag-lifecycle', { new_ms: rule.newDays * DAY_MS, dormant_ms: rule.dormantDays * DAY_MS, churned_ms: rule.churnedDays * DAY_MS });
    case 'value':
      if (rule.measure === 'revenue_band') return run('tag-revenue-band', { currency: rule.currency, bands: JSON.stringify(rule.bands), since_seq: sinceSeq });
      if (rule.measure === 'aipl_stage') {
        const params = aiplParams(c.site, c.now - (rule.days ?? DEFAULT_AIPL_DAYS) * DAY_MS, c.now, c.timeZone, DEFAULT_AIPL_RULES);
        return cachedStatement(db, AIPL_TAG).run({ ...params, tag_id: c.tagId, now: c.now }).changes;
      }
      return writeRfmSegments(db, c, rule.currency);
  }
}

/** The behaviour statement: the template with the compiled condition in its slot. */
function behaviorCondition(rule: Extract<TagRule, { kind: 'behavior' }>): CompiledSql {
  const params: CompiledSql['params'] = {};
  const condition = compileCondition('b', { event: rule.event, filters: rule.filters }, params);
  return { sql: BEHAVIOR_TEMPLATE.replace('/*condition*/', `(${condition})`), params };
}

function writeRfmSegments(db: Database.Database, c: TagComputation, currency: string | undefined): number {
  const p = { site: c.site, as_of: c.now };
  const chosen = currency ?? (fileStatement(db, RFM_DIR, 'rfm-currencies').get(p) as { currency: string } | undefined)?.currency ?? null;
  const customers = fileStatement(db, RFM_DIR, 'rfm-customers').all({ ...p, currency: chosen }) as RfmCustomer[];
  const insert = fileStatement(db, DIR, 'insert-person-tag');
  for (const s of scoreRfm(customers, c.now)) insert.run({ site: c.site, tag_id: c.tagId, person_id: s.id, value: s.segment, now: c.now });
  return customers.length;
}

/** A JSON path to a top-level property; quoted, since names may contain `.` and `$`. */
function jsonPath(prop: string): string {
  return `$."${prop}"`;
}
