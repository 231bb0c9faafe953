/**
 * Tag values on ClickHouse, with the definitions of the SQLite engine's compute-tag.ts: one
 * INSERT … SELECT per kind (tag-<kind>.sql, the SQLite file names), and only RFM segments pass
 * through Node (quintiles rank persons against each other; analytics/rfm scores them).
 *
 * ClickHouse has no cheap DELETE, so a computation is always a full one, written under a new
 * `run` number that the caller keeps in its metadata store once the run is written. Readers ask
 * for that run only: a half-written run is never seen, and older runs are dropped later.
 */
import { fileURLToPath } from 'node:url';
import { scoreRfm, type RfmCustomer } from '../../../../analytics/rfm/rfm-scores.js';
import type { TagRule } from '../../../../audiences/tag-schema.js';
import { DEFAULT_AIPL_RULES } from '../../../sqlite/analytics/aipl/aipl-rules.js';
import type { ClickHouseDb, Params } from '../../clickhouse-db.js';
import { chAiplParams } from '../aipl/get-aipl.js';
import { compileCondition, jsonValue, rawProperty } from '../funnels/compile-conditions.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const AIPL_DIR = fileURLToPath(new URL('../aipl/', import.meta.url));
const RFM_DIR = fileURLToPath(new URL('../rfm/', import.meta.url));
const DAY_MS = 86_400_000;
const DEFAULT_AIPL_DAYS = 90;

/** What one computation needs. */
export interface TagComputation {
  site: string;
  tagId: string;
  rule: TagRule;
  /** Reference time of "the last D days" and of the values' computed_at, epoch ms. */
  now: number;
  /** Time zone of calendar months (AIPL loyalty). */
  timeZone: string;
  /** The run the values are written under: a number this tag has not used before. */
  run: number;
}

/**
 * Writes the tag's values for run `c.run` (every person, as the SQLite engine's full
 * computation); returns the number of values written, as the SQLite engine does.
 */
export async function computeTag(ch: ClickHouseDb, c: TagComputation): Promise<number> {
  const base: Params = { site: c.site, tag_id: c.tagId, run: c.run, now: c.now };
  const rule = c.rule;
  const fill = (name: string, slots: Record<string, string>) => fillSlots(ch.sql(DIR, name), slots);
  switch (rule.kind) {
    case 'attribute': {
      const params: Params = {};
      const raw = rawProperty('t', rule.trait, 'identify', params);
      // SQLite stores JSON true/false as 'true'/'false', other values as their text.
      const text = `multiIf(raw = 'true', 'true', raw = 'false', 'false', ${jsonValue('raw', 't', 'identify').text})`;
      await ch.run(fill('tag-attribute', { raw, text }), { ...base, ...params });
      break;
    }
    case 'behavior': {
      const params: Params = {};
      const condition = compileCondition('b', { event: rule.event, filters: rule.filters }, params);
      await ch.run(fill('tag-behavior', { condition }), { ...base, ...params, from: c.now - rule.days * DAY_MS, min_count: rule.minCount });
      break;
    }
    case 'preference': {
      const from = rule.days === undefined ? 0 : c.now - rule.days * DAY_MS;
      if (rule.dimension === 'channel') {
        await ch.run(ch.sql(DIR, 'tag-preference-channel'), { ...base, from });
        break;
      }
      const params: Params = {};
      const raw = rawProperty('p', rule.prop!, rule.event!, params);
      await ch.run(fill('tag-preference-property', { raw, text: jsonValue('raw', 'p', rule.event!).text }), { ...base, ...params, from, event: rule.event! });
      break;
    }
    case 'lifecycle':
      await ch.run(ch.sql(DIR, 'tag-lifecycle'), { ...base, new_ms: rule.newDays * DAY_MS, dormant_ms: rule.dormantDays * DAY_MS, churned_ms: rule.churnedDays * DAY_MS });
      break;
    case 'value':
      if (rule.measure === 'rfm_segment') return writeRfmSegments(ch, c, rule.currency);
      if (rule.measure === 'revenue_band') {
        const bands = [...rule.bands!].sort((a, b) => a.min - b.min);
        await ch.run(ch.sql(DIR, 'tag-revenue-band'), { ...base, currency: rule.currency!, band_ids: bands.map((b) => b.id), band_mins: bands.map((b) => b.min) });
      } else {
        const params = chAiplParams(c.site, c.now - (rule.days ?? DEFAULT_AIPL_DAYS) * DAY_MS, c.now, c.timeZone, DEFAULT_AIPL_RULES);
        await ch.run(fill('tag-aipl-stage', { stages: ch.sql(AIPL_DIR, 'aipl-person-stages') }), { ...params, ...base });
      }
      break;
  }
  const [count] = await ch.rows<{ n: number }>(ch.sql(DIR, 'count-tag-values'), base);
  return count.n;
}

/** The template with its slot comments replaced (by a function: `$` in a slot is no pattern). */
function fillSlots(template: string, slots: Record<string, string>): string {
  return template.replace(/\/\*([a-z_]+)\*\//g, (slot, name: string) => slots[name] ?? slot);
}

/** RFM segments: per-person rows from the RFM report's queries, scored by the shared code. */
async function writeRfmSegments(ch: ClickHouseDb, c: TagComputation, currency: string | undefined): Promise<number> {
  const p = { site: c.site, as_of: c.now };
  const chosen = currency ?? (await ch.rows<{ currency: string }>(ch.sql(RFM_DIR, 'rfm-currencies'), p))[0]?.currency ?? null;
  const customers = await ch.rows<RfmCustomer>(ch.sql(RFM_DIR, 'rfm-customers'), { ...p, currency: chosen });
  const rows = scoreRfm(customers, c.now).map((s) => ({ site: c.site, tag_id: c.tagId, run: c.run, person_id: s.id, value: s.segment, computed_at: c.now }));
  await ch.insert('person_tags', rows);
  return customers.length;
}

/** Persons per value of run `run` of a tag, most common first (at most 200 values). */
export async function tagDistribution(ch: ClickHouseDb, site: string, tagId: string, run: number): Promise<{ value: string; persons: number; computedAt: number }[]> {
  return ch.rows(ch.sql(DIR, 'tag-distribution'), { site, tag_id: tagId, run });
}

/** A person's values of the given tags, each from its run, ordered by tag id. */
export async function personTagValues(ch: ClickHouseDb, site: string, personId: string, runs: { tagId: string; run: number }[]): Promise<{ id: string; value: string; computed_at: number }[]> {
  if (runs.length === 0) return [];
  return ch.rows(ch.sql(DIR, 'select-person-tags'), { site, person_id: personId, tag_ids: runs.map((r) => r.tagId), runs: runs.map((r) => r.run) });
}

/**
 * Removes a tag's runs older than `keepRun` (every run when null: the tag is gone). A mutation,
 * finished by ClickHouse in the background; on a cluster it runs on each shard's local table,
 * since a Distributed table takes no mutation.
 */
export async function dropTagRuns(ch: ClickHouseDb, site: string, tagId: string, keepRun: number | null): Promise<void> {
  const params: Params = { site, tag_id: tagId, keep: keepRun === null ? 0 : 1, keep_run: keepRun ?? 0 };
  const sql = ch.sql(DIR, 'delete-tag-runs');
  if (!ch.options.cluster) return ch.run(sql, params);
  const local = ch.prepare(sql.replace('{table:person_tags}', '{table:person_tags_local}'), params);
  await Promise.all(ch.clients.map((client) => client.command({ query: local })));
}
