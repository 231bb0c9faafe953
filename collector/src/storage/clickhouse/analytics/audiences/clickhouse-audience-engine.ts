/**
 * Tags and audiences over ClickHouse: tag values are computed in ClickHouse under a new run at
 * each refresh (analytics/tags/compute-tag.ts) and the current run of each tag is kept in the
 * metadata database; audience expressions, conversions, identities and consent traits are read
 * from the events there. Definitions, spells and consent records stay in the metadata database.
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { AudienceEngine } from '../../../../audiences/audience-engine.js';
import type { TagRefresh } from '../../../../audiences/refresh-tags.js';
import { listTags } from '../../../sqlite/analytics/tags/tag-store.js';
import { deleteTagValueRun, nextTagValueRun, setTagValueRun, tagValueRuns } from '../../../sqlite/analytics/tags/tag-value-runs.js';
import type { ClickHouseStore } from '../../clickhouse-store.js';
import type { Params } from '../../clickhouse-db.js';
import { compileCondition, rawProperty } from '../funnels/compile-conditions.js';
import { computeTag, dropTagRuns, personTagValues, tagDistribution } from '../tags/compute-tag.js';
import { selectAudience } from './compile-expression.js';
import { convertedPersons, identitiesOfPersons } from './person-facts.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

export function clickHouseAudienceEngine(store: ClickHouseStore, meta: Database.Database): AudienceEngine {
  const { ch } = store;
  const runsOf = (site: string) => Object.fromEntries(tagValueRuns(meta, site).map((r) => [r.tagId, r.run]));
  return {
    async refreshTags(site, o = {}) {
      const now = o.now ?? Date.now();
      await store.prepareReports(site);
      const done: TagRefresh[] = [];
      for (const tag of listTags(meta, site).filter((t) => !o.tagIds || o.tagIds.includes(t.id))) {
        const started = performance.now();
        const run = nextTagValueRun(meta, site, tag.id, now);
        const values = await computeTag(ch, { site, tagId: tag.id, rule: tag.rule, now, timeZone: o.timeZone ?? 'UTC', run });
        setTagValueRun(meta, site, tag.id, run, tag.version, now);
        await dropTagRuns(ch, site, tag.id, run);
        done.push({ id: tag.id, version: tag.version, mode: 'full', values, ms: performance.now() - started });
      }
      return done;
    },
    async tagDistribution(site, tagId) {
      const run = runsOf(site)[tagId];
      if (run === undefined) return [];
      return (await tagDistribution(ch, site, tagId, run)).map((r) => ({ ...r, computedAt: new Date(r.computedAt).toISOString() }));
    },
    async personTags(site, personId) {
      const tags = new Map(listTags(meta, site).map((t) => [t.id, t]));
      const runs = tagValueRuns(meta, site).filter((r) => tags.has(r.tagId));
      return (await personTagValues(ch, site, personId, runs)).map((v) => {
        const tag = tags.get(v.id)!;
        return { id: v.id, name: tag.name, kind: tag.rule.kind, value: v.value, computedAt: new Date(v.computed_at).toISOString() };
      });
    },
    async dropTagValues(site, tagId) {
      deleteTagValueRun(meta, site, tagId);
      await dropTagRuns(ch, site, tagId, null);
    },
    async selectAudience(site, expression, now) {
      await store.prepareReports(site);
      return selectAudience(ch, site, expression, now, runsOf(site));
    },
    async convertedPersons(q) {
      await store.prepareReports(q.site);
      return convertedPersons(ch, q);
    },
    async identitiesOfPersons(q) {
      await store.prepareReports(q.site);
      return identitiesOfPersons(ch, q);
    },
    async traitConsent(site, personIds) {
      if (personIds.length === 0) return [];
      await store.prepareReports(site);
      const params: Params = { site, persons: [...personIds] };
      const raw = rawProperty('c', 'consent', 'identify', params);
      const sql = ch.sql(DIR, 'trait-consent').replace('/*raw*/', raw);
      const rows = await ch.rows<{ personId: string; granted: number; ts: number }>(sql, params);
      return rows.map((r) => ({ personId: r.personId, granted: r.granted === 1, ts: Number(r.ts) }));
    },
    async triggerCandidates(q) {
      await store.prepareReports(q.site);
      const params: Params = { site: q.site, scan_from: q.scanFrom, due_before: q.dueBefore, within_ms: q.withinMs };
      const when = compileCondition('w', q.when, params);
      const unless = q.unless ? compileCondition('u', q.unless, params) : '0';
      const sql = ch.sql(DIR, 'trigger-candidates').replace('/*when*/', () => when).replace('/*unless*/', () => unless);
      const rows = await ch.rows<{ personId: string; ts: number; id: string }>(sql, params);
      return rows.map((r) => ({ personId: r.personId, ts: Number(r.ts), id: r.id }));
    },
  };
}
