/**
 * The ClickHouse attribution against the SQLite one: the same events, seeded through the real
 * ingest of a SQLite collector and copied with their derived persons and sessions, must give the
 * same paths and the same credits under every model and in the comparison, on one server and on a
 * 2-shard cluster (sharded by visitor, so a person with two devices has sessions on both shards).
 *
 * Credits are compared deep-equal, as each engine rounds them (money to 4 decimals, conversions
 * to 9): both engines run the same model code on identical paths. The one thing that may differ
 * is the order of the conversions (SQLite lists them by insertion sequence, which ClickHouse does
 * not have, ClickHouse by time), which only changes the order in which floats are added, far
 * below that rounding.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../collector/src/analytics/attribution/index.js';
import { mulberry32, pick } from '../../collector/src/analytics/random.js';
import {
  getAttribution as chAttribution, getAttributionComparison as chComparison,
} from '../../collector/src/storage/clickhouse/analytics/attribution/get-attribution.js';
import { loadAttributionPaths as chPaths } from '../../collector/src/storage/clickhouse/analytics/attribution/load-attribution-paths.js';
import { CH_ANALYTICS_DIR, ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import {
  getAttribution as sqliteAttribution, getAttributionComparison as sqliteComparison, type AttributionQuery,
} from '../../collector/src/storage/sqlite/analytics/attribution/get-attribution.js';
import {
  ATTRIBUTION_KEYS, loadAttributionPaths as sqlitePaths, type AttributionPaths, type PathsQuery,
} from '../../collector/src/storage/sqlite/analytics/attribution/load-attribution-paths.js';
import { batch, conversion, identify, pageView } from '../collector/helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';
import { DAY, day, seedShopHistory } from '../collector/reports/report-fixtures.js';
import { startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

type Json = Record<string, any>;
const MIN = 60_000;

/** Touches a generated session can come from (campaign fields as an SDK sends them). */
const TOUCHES: (Json | null)[] = [
  null, // direct
  { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' },
  { utm_source: 'Baidu', utm_medium: 'cpc', utm_campaign: 'Spring' },
  { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'brand' },
  { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'march-news' },
  { utm_source: 'weibo', utm_medium: 'social', utm_campaign: 'launch' },
  { utm_source: 'weibo', utm_medium: 'social' },
  // Characters JSON must escape, and non-ASCII: keys by (source, campaign) are JSON text.
  { utm_source: 'we"chat', utm_medium: 'social', utm_campaign: 'Spr"ing\\ 春\ttab\u0001x' },
];
const ORGANIC = { url: 'https://shop.example.com/', path: '/', referrer: 'https://www.bing.com/search?q=shop' };

const web = (campaign: Json | null) => ({ platform: 'web', library: { name: 'maidian-web', version: '0.1.0' }, ...(campaign ? { campaign } : {}) });

/**
 * 60 generated people from 2026-03-07 on, after the shop story of days 1–6 (seeded, so a failure
 * replays): 1–4 sessions each, some on two devices of one user, about half buying (CNY or USD,
 * some without a value).
 */
function generatedPeople(): Json[][] {
  const random = mulberry32(7);
  const batches: Json[][] = [];
  for (let p = 0; p < 60; p++) {
    const devices = random() < 0.3 ? [`g${p}-a`, `g${p}-b`] : [`g${p}-a`];
    const events: Json[] = [];
    let t = day(7, 8) + Math.floor(random() * 2 * DAY);
    const sessions = 1 + Math.floor(random() * 4);
    for (let s = 0; s < sessions; s++) {
      const anonymousId = pick(random, devices);
      const sessionId = `${anonymousId}-s${s}`;
      const ids = { anonymousId, sessionId };
      const touch = pick(random, [...TOUCHES, 'organic'] as const);
      const view = touch === 'organic'
        ? { ...pageView(t, '/', { ...ids, page: ORGANIC }), context: { ...pageView(t, '/', ids).context, page: ORGANIC } }
        : { ...pageView(t, '/', ids), context: { ...pageView(t, '/', ids).context, ...web(touch) } };
      events.push(view);
      if (devices.length > 1) events.push(identify(t + 1000, `user-g${p}`, {}, {}, ids));
      if (s === sessions - 1 && random() < 0.55) {
        const currency = random() < 0.25 ? 'USD' : 'CNY';
        const value = random() < 0.1 ? 0 : Math.round(random() * 50000) / 100;
        events.push({ ...conversion(t + 5 * MIN, value, currency, ids), context: view.context });
      }
      t += Math.floor((0.2 + random()) * DAY);
    }
    batches.push(events);
  }
  return batches;
}

/**
 * A user on two devices whose sessions start in the same millisecond: the touches tie on time
 * and both engines order them by session key. Then a buy on the first device.
 */
function simultaneousDevices(): Json[] {
  const at = day(7, 20);
  const a = { anonymousId: 'tie-a', sessionId: 'tie-a-1' };
  const b = { anonymousId: 'tie-b', sessionId: 'tie-b-1' };
  const ctxA = web(TOUCHES[3]);
  const ctxB = web(TOUCHES[5]);
  return [
    { ...pageView(at, '/', a), context: { ...pageView(at, '/', a).context, ...ctxA } },
    { ...pageView(at, '/', b), context: { ...pageView(at, '/', b).context, ...ctxB } },
    identify(at + 1000, 'user-tie', {}, {}, a),
    identify(at + 1000, 'user-tie', {}, {}, b),
    { ...conversion(at + 10 * MIN, 99.9, 'CNY', a), context: { ...pageView(at, '/', a).context, ...ctxA } },
  ];
}

/** Someone who came from the campaign JSON has to escape, then directly, and never bought. */
function specialNonConverter(): Json[] {
  const ids = (s: string) => ({ anonymousId: 'odd', sessionId: s });
  return [
    { ...pageView(day(8, 9), '/', ids('odd-1')), context: { ...pageView(day(8, 9), '/', ids('odd-1')).context, ...web(TOUCHES[7]) } },
    pageView(day(9, 9), '/', ids('odd-2')),
  ];
}

let c: TestCollector;
let engines: ClickHouseEngines | undefined;
let single: ClickHouseDb;
let sharded: ClickHouseDb;

beforeAll(async () => {
  // The servers boot while the SQLite collector is seeded.
  engines = startClickHouseEngines();
  c = await startTestCollector();
  await seedShopHistory(c);
  for (const events of [...generatedPeople(), simultaneousDevices(), specialNonConverter()]) {
    const res = await c.post('/v1/batch', batch(events, Date.now()));
    if (res.body.accepted !== events.length) throw new Error(`seeding failed: ${JSON.stringify(res.body)}`);
  }
  // Any report refreshes the derived sessions and persons before they are copied.
  const refreshed = await c.get("/v1/attribution?site=shop&from=2026-03-01&to=2026-03-14", READ_TOKEN);
  expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  [single, sharded] = await engines.fill(c.dbPath);
});

afterAll(async () => {
  await engines?.stop();
  await c?.stop();
});

const RANGE = { site: 'shop', from: day(1, 0), to: day(15, 0) };
const query = (by: AttributionQuery['by'], extra: Partial<AttributionQuery> = {}): AttributionQuery =>
  ({ ...RANGE, by, lookbackDays: 30, halfLifeDays: 7, ...extra });

function withSqlite<T>(read: (db: Database.Database) => T): T {
  const db = new Database(c.dbPath, { readonly: true });
  try { return read(db); } finally { db.close(); }
}

/** Conversions in a canonical order (time, then content): the one freedom the engines have. */
function canonical(paths: AttributionPaths): AttributionPaths {
  const conversions = [...paths.conversions].sort((a, b) => a.ts - b.ts || JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { conversions, nonConverting: paths.nonConverting };
}

describe('attribution paths in ClickHouse', () => {
  it.each(ATTRIBUTION_KEYS)('are the SQLite paths, touch for touch, by %s', async (by) => {
    const q: PathsQuery = { ...RANGE, by, lookbackMs: 30 * DAY };
    const expected = withSqlite((db) => sqlitePaths(db, q));
    // The data exercise what they should: paths that fail, and conversions with several touches.
    expect(expected.nonConverting.length).toBeGreaterThan(5);
    expect(expected.conversions.filter((conv) => conv.touches.length > 1).length).toBeGreaterThan(5);
    const got = await chPaths(single, q);
    expect(canonical(got)).toEqual(canonical(expected));
    // Non-converting paths come in the same order too (sorted by the same JSON text).
    expect(got.nonConverting).toEqual(expected.nonConverting);
  });

  it.each(ATTRIBUTION_KEYS)('write non-converting paths as the JSON text SQLite writes, byte for byte, by %s', async (by) => {
    const params = { ...RANGE, by, lookback: 30 * DAY };
    const sql = readFileSync(fileURLToPath(new URL('../../collector/src/storage/sqlite/analytics/attribution/non-converting-paths.sql', import.meta.url)), 'utf8');
    const expected = withSqlite((db) => db.prepare(sql).all(params));
    const got = await single.rows<{ path: string; people: number }>(single.sql(`${CH_ANALYTICS_DIR}attribution`, 'non-converting-paths'), params);
    expect(got.map(({ path, people }) => ({ path, count: people }))).toEqual(expected);
    if (by === 'campaign') expect(got.map((p) => p.path)).toContain('[["Spr\\"ing\\\\ 春\\ttab\\u0001x",0],["(direct)",1]]');
  });

  it('write (source, campaign) keys as SQLite writes JSON, escapes and all', async () => {
    const { conversions, nonConverting } = await chPaths(single, { ...RANGE, by: 'source_campaign', lookbackMs: 30 * DAY });
    const keys = new Set([...conversions, ...nonConverting].flatMap((p) => p.touches.map((t) => t.key)));
    // Lowercased ASCII, quote and backslash escaped, the tab short, U+0001 as \u0001, 春 as is.
    expect(keys).toContain('["we\\"chat","spr\\"ing\\\\ 春\\ttab\\u0001x"]');
    expect(keys).toContain('["baidu","spring"]');
    expect(keys).toContain('["(direct)",""]');
  });

  it('order touches that start in the same millisecond by session key', async () => {
    const { conversions } = await chPaths(single, { ...RANGE, by: 'channel', lookbackMs: 30 * DAY });
    const tie = conversions.find((conv) => conv.ts === day(7, 20) + 10 * MIN)!;
    expect(tie.touches.map((t) => t.ts)).toEqual([day(7, 20), day(7, 20)]);
    // Session keys are the ids of the sessions' first events: device a's page view was built first.
    expect(tie.touches.map((t) => t.key)).toEqual(['Paid Search', 'Organic Social']);
  });
});

describe('getAttribution on ClickHouse', () => {
  for (const model of MODEL_IDS) {
    it(`${model}: the SQLite credits, by channel, source / medium and campaign`, async () => {
      for (const by of ['channel', 'source_medium', 'campaign'] as const) {
        const q = { ...query(by), model };
        expect(await chAttribution(single, q)).toEqual(withSqlite((db) => sqliteAttribution(db, q)));
      }
    });
  }

  it('hand-worked figures over the shop story of days 1–6 (report-fixtures.ts)', async () => {
    const story = { ...query('channel'), from: day(1, 0), to: day(7, 0) };
    const cny = (amount: number) => ({ currency: 'CNY', amount });
    const usd = (amount: number) => ({ currency: 'USD', amount });
    // First touch: P1 and P2 first came from Paid Search (300 + 50 CNY); P4 only from Direct.
    expect((await chAttribution(single, { ...story, model: 'first_touch' })).rows).toEqual([
      { key: 'Direct', conversions: 1, revenue: [usd(20)] },
      { key: 'Paid Search', conversions: 2, revenue: [cny(350)] },
    ]);
    // Markov, worked in test/collector/reports/attribution.test.ts: removal effects PS 1/2,
    // OS 1/4, Direct 1, Email 1/3 → shares 6/25, 3/25, 12/25, 4/25 of 3 conversions, 350 CNY, 20 USD.
    expect((await chAttribution(single, { ...story, model: 'markov' })).rows).toEqual([
      { key: 'Direct', conversions: 1.44, revenue: [cny(168), usd(9.6)] },
      { key: 'Email', conversions: 0.48, revenue: [cny(56), usd(3.2)] },
      { key: 'Organic Search', conversions: 0.36, revenue: [cny(42), usd(2.4)] },
      { key: 'Paid Search', conversions: 0.72, revenue: [cny(84), usd(4.8)] },
    ]);
  });

  it('follows the lookback and the half-life like SQLite', async () => {
    for (const extra of [{ lookbackDays: 1 }, { lookbackDays: 3, halfLifeDays: 0.5 }]) {
      for (const model of ['first_touch', 'time_decay', 'markov'] as const) {
        const q = { ...query('channel', extra), model };
        expect(await chAttribution(single, q)).toEqual(withSqlite((db) => sqliteAttribution(db, q)));
      }
    }
  });
});

describe('getAttributionComparison on ClickHouse', () => {
  it('is the SQLite comparison, every model side by side', async () => {
    for (const by of ['channel', 'campaign'] as const) {
      const expected = withSqlite((db) => sqliteComparison(db, query(by)));
      expect(expected.rows.length).toBeGreaterThan(3);
      expect(await chComparison(single, query(by))).toEqual(expected);
    }
  });

  it('gives the same answer on a 2-shard cluster', async () => {
    // A person's devices are spread over the shards: at least one has sessions on both.
    const perShard = await Promise.all(sharded.clients.map(async (client) => {
      const res = await client.query({ query: 'SELECT DISTINCT person_id FROM maidian.sessions_local', format: 'JSONEachRow' });
      return new Set((await res.json<{ person_id: string }>()).map((r) => r.person_id));
    }));
    expect([...perShard[0]].some((p) => perShard[1].has(p))).toBe(true);
    for (const by of ['channel', 'source_medium'] as const) {
      expect(await chComparison(sharded, query(by))).toEqual(await chComparison(single, query(by)));
    }
    const q: PathsQuery = { ...RANGE, by: 'source_campaign', lookbackMs: 30 * DAY };
    expect(canonical(await chPaths(sharded, q))).toEqual(canonical(await chPaths(single, q)));
  });
});
