/**
 * Tag values and audience selections on ClickHouse against the SQLite engine: persons seeded
 * through the real ingest of a SQLite collector, copied with their derived persons and sessions
 * into one server and a 2-shard cluster (sharded by visitor: ann's two devices sit on different
 * shards). Every tag kind must give the same person → value map and count as the SQLite engine's
 * full computation, and every expression the same persons in the same order; a few answers are
 * also worked out by hand from the definitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudienceExpression, type Expression } from '../../collector/src/audiences/audience-expression.js';
import { TagRule } from '../../collector/src/audiences/tag-schema.js';
import { refreshDerived } from '../../collector/src/analytics/sessions/refresh-derived.js';
import { computeTag as sqliteComputeTag } from '../../collector/src/storage/sqlite/analytics/tags/compute-tag.js';
import { selectAudience as sqliteSelectAudience } from '../../collector/src/storage/sqlite/analytics/audiences/compile-expression.js';
import type { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import { computeTag, dropTagRuns, personTagValues, tagDistribution } from '../../collector/src/storage/clickhouse/analytics/tags/compute-tag.js';
import { selectAudience } from '../../collector/src/storage/clickhouse/analytics/audiences/compile-expression.js';
import { conversion, identify } from '../collector/helpers/events.js';
import { startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';
import { analyticsDictionary, DAY, HOUR, MIN, send, visitor } from '../collector/funnels/funnel-fixtures.js';
import { anonymousIdsByShard, GOOGLEBOT, startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

type Json = Record<string, any>;
/** 12:00 on June 1, 2024 in Shanghai: the tags' and audiences' "now". */
const NOW = Date.UTC(2024, 5, 1, 4);
const ago = (days: number, plus = 0) => NOW - days * DAY + plus;
const SITE = 'shop';
const on = (anon: string) => ({ anonymousId: anon, sessionId: `s-${anon}` });
const login = (anon: string, ts: number, userId: string, traits: Json = {}) => identify(ts, userId, {}, traits, on(anon));
const buy = (anon: string, ts: number, value: number, currency: string, orderId: string) => conversion(ts, value, currency, on(anon), { order_id: orderId });
const view = (anon: string, ts: number, category: string, price = 50) => visitor(anon).event(ts, 'view_product', { sku: `${category}-1`, category, price });

/** Trait `level` and property `val` values of the probe persons, one person each. */
const PROBES: unknown[] = [1.5, 1e21, 0.00001, true, false, '中文', 12345678901234567000, -3, 'a"b\\c', '😀', 100, 0, '', 1.5e-7, 0.1, null];

const email = { utm_source: 'newsletter', utm_medium: 'email' };
const cpc = { utm_source: 'baidu', utm_medium: 'cpc' };

function seed(): Json[] {
  const t1 = visitor('t1');
  return [
    // ann: a phone and a laptop (different shards). The latest city comes from the laptop; the
    // level only from the phone's older identify. Shoes once on each device, bags once.
    login('ann-phone', ago(20), 'ann', { city: 'Shanghai', level: 3 }),
    visitor('ann-phone').landing(ago(1), '/shoes', { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' }),
    view('ann-phone', ago(1, MIN), 'shoes', 120),
    buy('ann-phone', ago(1, 5 * MIN), 300, 'CNY', 'o-ann-1'),
    buy('ann-laptop', ago(10), 800, 'CNY', 'o-ann-2'), buy('ann-laptop', ago(10, MIN), 800, 'CNY', 'o-ann-2'),
    buy('ann-laptop', ago(5), 50, 'USD', 'o-ann-3'),
    view('ann-laptop', ago(3), 'shoes', 80),
    login('ann-laptop', ago(2), 'ann', { city: 'Beijing' }),
    view('ann-laptop', ago(1, 10 * MIN), 'bags'),
    // bob: 100 days ago only, level "3" as a string.
    login('bob-anon', ago(100), 'bob', { city: 'Shanghai', level: '3' }),
    view('bob-anon', ago(100, MIN), 'bags'), view('bob-anon', ago(100, 2 * MIN), 'bags'),
    visitor('carol').page(ago(40), '/'), visitor('carol').page(ago(40, MIN), '/about'),
    visitor('dave').page(NOW - HOUR, '/'),
    // rex: hats and caps once each (a tie).
    view('rex', ago(5), 'hats'), view('rex', ago(5, MIN), 'caps'),
    // eve: a city, then the city sent as null (cleared), and a level.
    login('eve-anon', ago(10), 'eve', { city: 'Hangzhou' }), login('eve-anon', ago(5), 'eve', { city: null, level: 7 }),
    ...PROBES.flatMap((value, i) => [
      login(`probe-${i}`, ago(30), `probe-${i}`, { level: value }),
      visitor(`probe-${i}`).event(ago(30, MIN), 'probe', { val: value }),
      visitor(`probe-${i}`).event(ago(30, 2 * MIN), 'probe', { val: value }),
    ]),
    // mix: the number 100 and the string "100" are one value on SQLite: "100" (2) ties "x" (2).
    ...[100, '100', 'x', 'x'].map((val, i) => visitor('mix').event(ago(20, i * MIN), 'probe', { val })),
    // mix2: booleans and null are no preference values.
    ...[true, true, true, null, 1.5].map((val, i) => visitor('mix2').event(ago(20, i * MIN), 'probe', { val })),
    // Person ids whose byte order (SQLite's) differs from JavaScript's UTF-16 order.
    ...['é-user', 'ｚ-user', '😀-user'].flatMap((user, i) => [login(`uni-${i}`, ago(2), user), visitor(`uni-${i}`).page(ago(2, MIN), '/')]),
    // Buyers for RFM and revenue bands.
    buy('c1', ago(30), 100, 'CNY', 'o-c1'),
    buy('c3', ago(60), 200, 'CNY', 'o-c3a'), buy('c3', ago(8), 1000, 'CNY', 'o-c3b'),
    ...[50, 40, 30, 20, 10].map((d, i) => buy('c5', ago(d), 150, 'CNY', `o-c5-${i}`)),
    buy('u1', ago(25), 80, 'USD', 'o-u1'),
    // x1 and x2 spend 0.1 + 0.2 + 0.3 in two orders: 0.6 when summed with compensation, as both
    // engines do (plainly summed, x1's would be 0.6000000000000001).
    ...[0.1, 0.2, 0.3].map((v, i) => buy('x1', ago(15, i * MIN), v, 'CNY', `o-x1-${i}`)),
    ...[0.3, 0.2, 0.1].map((v, i) => buy('x2', ago(15, i * MIN), v, 'CNY', `o-x2-${i}`)),
    // Channels: fay comes twice from an email, once direct; hal from paid search 30 and 2 days
    // ago, and from an email 4 days ago.
    visitor('fay').landing(ago(3), '/', email), visitor('fay').landing(ago(2), '/', email), visitor('fay').page(ago(1), '/'),
    visitor('hal').landing(ago(30), '/', cpc), visitor('hal').landing(ago(2), '/', cpc), visitor('hal').landing(ago(4), '/', email),
    // t1: a 3.2-day session (flagged too long) with shoe views and a purchase: left out.
    ...Array.from({ length: 185 }, (_, i) => t1.page(ago(10, i * 25 * MIN), '/')),
    view('t1', ago(9), 'shoes'), view('t1', ago(9, MIN), 'shoes'), buy('t1', ago(9, 2 * MIN), 5000, 'CNY', 'o-t1'),
  ];
}

const bands = [{ id: 'low', min: 0 }, { id: 'mid', min: 200 }, { id: 'high', min: 1000 }];
const TAGS: Record<string, Json> = {
  city: { kind: 'attribute', trait: 'city' },
  level: { kind: 'attribute', trait: 'level' },
  shoe_viewer: { kind: 'behavior', event: 'view_product', filters: [{ prop: 'category', op: 'eq', value: 'shoes' }], minCount: 2, days: 7 },
  pricey_viewer: { kind: 'behavior', event: 'view_product', filters: [{ prop: 'price', op: 'gt', value: 100 }, { prop: 'category', op: 'in', value: ['shoes', 'bags'] }], days: 30 },
  fav_category: { kind: 'preference', dimension: 'property', event: 'view_product', prop: 'category' },
  fav_category_7: { kind: 'preference', dimension: 'property', event: 'view_product', prop: 'category', days: 7 },
  fav_val: { kind: 'preference', dimension: 'property', event: 'probe', prop: 'val' },
  fav_city: { kind: 'preference', dimension: 'property', event: 'identify', prop: 'city' },
  fav_channel: { kind: 'preference', dimension: 'channel' },
  fav_channel_7: { kind: 'preference', dimension: 'channel', days: 7 },
  stage: { kind: 'lifecycle' },
  stage_short: { kind: 'lifecycle', newDays: 3, dormantDays: 10, churnedDays: 60 },
  spend: { kind: 'value', measure: 'revenue_band', currency: 'CNY', bands },
  spend_fine: { kind: 'value', measure: 'revenue_band', currency: 'CNY', bands: [{ id: 'under', min: 0 }, { id: 'over', min: 0.6000000000000001 }] },
  spend_usd: { kind: 'value', measure: 'revenue_band', currency: 'USD', bands: [{ id: 'some', min: 60 }, { id: 'any', min: 0 }] },
  aipl: { kind: 'value', measure: 'aipl_stage' },
  aipl_7: { kind: 'value', measure: 'aipl_stage', days: 7 },
  rfm: { kind: 'value', measure: 'rfm_segment' },
  rfm_usd: { kind: 'value', measure: 'rfm_segment', currency: 'USD' },
};
const TAG_IDS = Object.keys(TAGS);
/** Every tag's values are written as run 1 on ClickHouse. */
const RUNS = Object.fromEntries(TAG_IDS.map((id) => [id, 1]));

let c: TestCollector;
// Started first and stopped in afterAll even when seeding fails, so no server outlives the file.
let engines: ClickHouseEngines | undefined;
let layouts: [string, ClickHouseDb][];
const sqliteCounts: Record<string, number> = {};
const chCounts: Record<string, Record<string, number>> = { 'one server': {}, '2 shards': {} };

beforeAll(async () => {
  engines = startClickHouseEngines();
  // Warn mode: the undeclared `probe` event is stored (with a warning), as in funnels.test.ts.
  c = await startTestCollector({ dictionary: { ...analyticsDictionary(), mode: 'warn' } });
  await send(c, seed());
  await send(c, [view('crawler', ago(1), 'shoes'), view('crawler', ago(1, MIN), 'shoes')], { 'user-agent': GOOGLEBOT });
  refreshDerived(c.store.db, SITE);
  const [single, sharded] = await engines.fill(c.dbPath);
  layouts = [['one server', single], ['2 shards', sharded]];
  for (const id of TAG_IDS) {
    sqliteCounts[id] = sqliteComputeTag(c.store.db, { site: SITE, tagId: id, rule: TagRule.parse(TAGS[id]), now: NOW, sinceSeq: null, timeZone: 'Asia/Shanghai' });
  }
  await Promise.all(layouts.map(async ([name, ch]) => {
    for (const id of TAG_IDS) chCounts[name][id] = await computeTag(ch, { site: SITE, tagId: id, rule: TagRule.parse(TAGS[id]), now: NOW, timeZone: 'Asia/Shanghai', run: 1 });
  }));
}, 120_000);

afterAll(async () => {
  await engines?.stop();
  await c?.stop();
});

function sqliteValues(tagId: string): Record<string, string> {
  const rows = c.store.db.prepare('SELECT person_id, value FROM person_tags WHERE site = ? AND tag_id = ?').all(SITE, tagId) as { person_id: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.person_id, r.value]));
}

async function chValues(ch: ClickHouseDb, tagId: string, run = 1): Promise<Record<string, string>> {
  const rows = await ch.rows<{ person_id: string; value: string }>(
    'SELECT person_id, value FROM {table:person_tags} FINAL WHERE site = {site:String} AND tag_id = {tag_id:String} AND run = {run:UInt64}',
    { site: SITE, tag_id: tagId, run });
  return Object.fromEntries(rows.map((r) => [r.person_id, r.value]));
}

const layout = (name: string) => layouts.find(([n]) => n === name)![1];
const LAYOUT_NAMES = ['one server', '2 shards'];

describe('tag values: ClickHouse = SQLite', () => {
  it('by hand: two devices on two shards, the latest trait, ties, cleared and typed values', async () => {
    const ch = layout('2 shards');
    const shards = await anonymousIdsByShard(ch, 'events', 'ann');
    expect(shards.map((ids) => ids.length)).toEqual([1, 1]);
    const v = Object.fromEntries(await Promise.all(TAG_IDS.map(async (id) => [id, await chValues(ch, id)] as const)));
    // The laptop's identify 2 days ago (Beijing) is later than the phone's (Shanghai); eve's
    // latest city is null: no value. level: ann's only level is the phone's 3.
    expect(v.city).toEqual({ ann: 'Beijing', bob: 'Shanghai' });
    expect([v.level.ann, v.level.bob, v.level.eve]).toEqual(['3', '3', '7']);
    // One shoe view on each device in the last 7 days: 2 ≥ 2 (neither shard alone has 2). t1's
    // are in a flagged session, the crawler is a bot.
    expect(v.shoe_viewer).toEqual({ ann: 'true' });
    // ann: shoes 2, bags 1; rex: hats 1, caps 1, a tie to the first in text order.
    expect([v.fav_category.ann, v.fav_category.bob, v.fav_category['anon:rex']]).toEqual(['shoes', 'bags', 'caps']);
    expect(v.fav_category_7).toEqual({ ann: 'shoes', 'anon:rex': 'caps' });
    // "100" and 100 are one value and tie "x"; booleans and null are no values.
    expect([v.fav_val['anon:mix'], v.fav_val['anon:mix2']]).toEqual(['100', '1.5']);
    // ann: 300 + 800 CNY (o-ann-2 counted once) = 1100 ≥ 1000; c3 1200; c5 750; c1 100.
    expect(v.spend).toEqual({ ann: 'high', 'anon:c3': 'high', 'anon:c5': 'mid', 'anon:c1': 'low', 'anon:x1': 'low', 'anon:x2': 'low' });
    expect([v.spend_fine['anon:x1'], v.spend_fine['anon:x2']]).toEqual(['under', 'under']);
    // Bands given out of order: u1's 80 USD ≥ 60, ann's 50 only ≥ 0.
    expect(v.spend_usd).toEqual({ 'anon:u1': 'some', ann: 'any' });
    // fay: Email 2, Direct 1. hal: Paid Search 2, Email 1; in 7 days one each, a tie to Email.
    expect([v.fav_channel['anon:fay'], v.fav_channel['anon:hal'], v.fav_channel_7['anon:hal']]).toEqual(['Email', 'Paid Search', 'Email']);
  });

  it.each(LAYOUT_NAMES.flatMap((name) => TAG_IDS.map((id) => [id, name])))('%s on %s', async (id, name) => {
    const expected = sqliteValues(id);
    expect(await chValues(layout(name), id)).toEqual(expected);
    expect(chCounts[name][id]).toBe(sqliteCounts[id]);
    expect(sqliteCounts[id]).toBe(Object.keys(expected).length);
  });
});

const tag = (t: string, op: string, value?: unknown): Json => ({ type: 'tag', tag: t, op, ...(value === undefined ? {} : { value }) });
const event = (name: string, days: number, extra: Json = {}): Json => ({ type: 'event', event: name, days, ...extra });
const not = (of: Json): Json => ({ type: 'not', of });
const shoes = [{ prop: 'category', op: 'eq', value: 'shoes' }];

const EXPRESSIONS: [string, Json][] = [
  ['a tag exists', tag('city', 'exists')],
  ['eq a string', tag('city', 'eq', 'Beijing')],
  ['neq (persons without the tag too)', tag('city', 'neq', 'Beijing')],
  ['eq a number', tag('level', 'eq', 3)],
  ['eq digits as a string', tag('level', 'eq', '3')],
  ['eq true', tag('level', 'eq', true)],
  ['eq false', tag('level', 'neq', false)],
  ['eq a small number', tag('level', 'eq', 0.00001)],
  ['in strings, numbers and booleans', tag('level', 'in', [1.5, '中文', false, 1e21, 'a"b\\c', ''])],
  ['in a large integer and -3', tag('level', 'in', [12345678901234567000, -3, 100])],
  ['eq the boolean a behaviour tag stores', tag('shoe_viewer', 'eq', true)],
  ['a tag never computed: exists', tag('never', 'exists')],
  ['a tag never computed: neq', tag('never', 'neq', 'x')],
  ['a tag never computed: in', tag('never', 'in', ['x'])],
  ['an event with a filter and minCount', event('view_product', 7, { filters: shoes, minCount: 2 })],
  ['an event with a numeric filter and a list', event('view_product', 30, { filters: [{ prop: 'price', op: 'gt', value: 100 }, { prop: 'category', op: 'in', value: ['shoes', 'bags'] }] })],
  ['an event property eq a number', event('probe', 60, { filters: [{ prop: 'val', op: 'eq', value: 100 }] })],
  ['an event property in, neq, contains', { type: 'or', of: [
    event('probe', 60, { filters: [{ prop: 'val', op: 'in', value: ['x', 1.5, true] }] }),
    event('probe', 60, { filters: [{ prop: 'val', op: 'neq', value: 'x' }, { prop: 'val', op: 'contains', value: '0' }], minCount: 2 }),
  ] }],
  ['an identify trait as an event filter', event('identify', 30, { filters: [{ prop: 'city', op: 'eq', value: 'Beijing' }] })],
  ['conversions', event('conversion', 7)],
  ['repeat buyers', event('conversion', 365, { minCount: 2 })],
  ['recent page views', event('page_view', 3)],
  ['and, not', { type: 'and', of: [tag('spend', 'in', ['high', 'mid']), not(event('conversion', 7))] }],
  ['or of and and not, nested', { type: 'or', of: [
    { type: 'and', of: [tag('city', 'exists'), not(tag('stage', 'eq', 'churned'))] },
    tag('stage', 'eq', 'new'),
    not({ type: 'or', of: [tag('aipl', 'exists'), tag('fav_channel', 'eq', 'Direct')] }),
  ] }],
  ['lifecycle, channel, RFM', { type: 'and', of: [tag('stage_short', 'in', ['new', 'active', 'dormant']), not(tag('fav_channel_7', 'eq', 'Paid Search')), tag('rfm', 'neq', 'lost')] }],
  ['everyone', not(tag('never', 'exists'))],
];

const select = (ch: ClickHouseDb, e: Json) => selectAudience(ch, SITE, AudienceExpression.parse(e) as Expression, NOW, RUNS);

describe('audiences: ClickHouse = SQLite', () => {
  it('by hand: tags, events across shards, NOT, and byte order', async () => {
    for (const [, ch] of layouts) {
      expect(await select(ch, tag('city', 'exists'))).toEqual(['ann', 'bob']);
      // ann's level is the number 3, bob's the string "3": both are stored as '3'.
      expect(await select(ch, tag('level', 'eq', 3))).toEqual(['ann', 'bob']);
      // One shoe view on each of ann's devices; t1's two are in a flagged session.
      expect(await select(ch, event('view_product', 7, { filters: shoes, minCount: 2 }))).toEqual(['ann']);
      // Spending ≥ 200 CNY (ann, c3, c5) and no conversion in 7 days (ann bought yesterday).
      expect(await select(ch, EXPRESSIONS.find(([n]) => n === 'and, not')![1])).toEqual(['anon:c3', 'anon:c5']);
      // Page views in 3 days: ann, dave, fay (exactly 3 days ago: the window includes its start),
      // hal and the three users of two days ago, in UTF-8 byte order (é C3, ｚ EF BD, 😀 F0 9F),
      // where UTF-16 order would put 😀 (D83D) before ｚ (FF5A).
      const recent = ['ann', 'anon:dave', 'anon:fay', 'anon:hal', 'é-user', 'ｚ-user', '😀-user'];
      expect(await select(ch, event('page_view', 3))).toEqual(recent);
      expect([...recent].sort()).not.toEqual(recent);
    }
  });

  it.each(LAYOUT_NAMES.flatMap((name) => EXPRESSIONS.map(([what, e]) => [what, name, e] as const)))('%s on %s', async (_, name, e) => {
    const expected = sqliteSelectAudience(c.store.db, SITE, AudienceExpression.parse(e) as Expression, NOW);
    expect(await select(layout(name), e)).toEqual(expected);
  });
});

describe('reading and dropping runs', () => {
  it("a person's values, each from its tag's run, as on SQLite", async () => {
    const expected = c.store.db.prepare('SELECT tag_id AS id, value, computed_at FROM person_tags WHERE site = ? AND person_id = ? ORDER BY tag_id').all(SITE, 'ann');
    expect(expected.length).toBeGreaterThan(8);
    for (const [, ch] of layouts) {
      const all = TAG_IDS.map((tagId) => ({ tagId, run: 1 }));
      expect(await personTagValues(ch, SITE, 'ann', all)).toEqual(expected);
      // Only the tags asked for, each from its own run: run 2 of spend does not exist.
      const some = await personTagValues(ch, SITE, 'ann', [{ tagId: 'spend', run: 2 }, { tagId: 'city', run: 1 }]);
      expect(some).toEqual([{ id: 'city', value: 'Beijing', computed_at: NOW }]);
      expect(await personTagValues(ch, SITE, 'ann', [])).toEqual([]);
    }
  });

  it('the distribution of a tag, as on SQLite', async () => {
    const sql = 'SELECT value, count(*) AS persons, max(computed_at) AS computedAt FROM person_tags WHERE site = @site AND tag_id = @tag_id GROUP BY value ORDER BY persons DESC, value LIMIT 200';
    for (const id of ['stage', 'fav_val', 'level', 'aipl']) {
      const expected = c.store.db.prepare(sql).all({ site: SITE, tag_id: id });
      for (const [, ch] of layouts) expect(await tagDistribution(ch, SITE, id, 1)).toEqual(expected);
    }
  });

  it('drops older runs, or all of them, leaving other tags alone', async () => {
    const rule = TagRule.parse(TAGS.city);
    for (const [, ch] of layouts) {
      for (const run of [5, 6, 7]) expect(await computeTag(ch, { site: SITE, tagId: 'city_copy', rule, now: NOW, timeZone: 'UTC', run })).toBe(2);
      // Keeping run 6 drops the older run 5; run 7 stays, as a run another refresh is writing would.
      await dropTagRuns(ch, SITE, 'city_copy', 6);
      await mutationsDone(ch);
      expect(await chValues(ch, 'city_copy', 5)).toEqual({});
      expect(await chValues(ch, 'city_copy', 6)).toEqual({ ann: 'Beijing', bob: 'Shanghai' });
      expect(await chValues(ch, 'city_copy', 7)).toEqual({ ann: 'Beijing', bob: 'Shanghai' });
      await dropTagRuns(ch, SITE, 'city_copy', null);
      await mutationsDone(ch);
      expect(await chValues(ch, 'city_copy', 6)).toEqual({});
      expect(await chValues(ch, 'city_copy', 7)).toEqual({});
      expect(await chValues(ch, 'city', 1)).toEqual({ ann: 'Beijing', bob: 'Shanghai' });
    }
  });
});

/** Waits until every server has finished its mutations (ALTER … DELETE runs in the background). */
async function mutationsDone(ch: ClickHouseDb): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const pending = await Promise.all(ch.clients.map(async (client) => {
      const result = await client.query({ query: 'SELECT count() AS n FROM system.mutations WHERE is_done = 0', format: 'JSONEachRow' });
      return (await result.json<{ n: number }>())[0].n;
    }));
    if (pending.every((n) => n === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('mutations still running after 10 s');
}
