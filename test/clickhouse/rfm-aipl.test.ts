/**
 * The ClickHouse RFM and AIPL reports against the SQLite ones: the same events, seeded through the
 * real ingest of a SQLite collector and copied with their derived persons and sessions, must give
 * the same reports, on one server and on a 2-shard cluster (sharded by visitor, so a person with
 * two devices has conversions on both shards).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RfmReport } from '../../collector/src/storage/sqlite/analytics/rfm/get-rfm.js';
import { getRfm as sqliteRfm, type RfmQuery } from '../../collector/src/storage/sqlite/analytics/rfm/get-rfm.js';
import { getAipl as sqliteAipl, type AiplQuery } from '../../collector/src/storage/sqlite/analytics/aipl/get-aipl.js';
import type { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import { getRfm as chRfm } from '../../collector/src/storage/clickhouse/analytics/rfm/get-rfm.js';
import { getAipl as chAipl } from '../../collector/src/storage/clickhouse/analytics/aipl/get-aipl.js';
import { nextDay, startOfZonedDay } from '../../collector/src/time/zoned-time.js';
import { conversion, identify } from '../collector/helpers/events.js';
import type { TestCollector } from '../collector/helpers/test-collector.js';
import { HOUR, MIN, send, startAnalyticsCollector, visitor } from '../collector/funnels/funnel-fixtures.js';
import { anonymousIdsByShard, GOOGLEBOT, startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

// Asia/Shanghai: local 10:00 is 02:00 UTC.
const at = (month: number, day: number) => Date.UTC(2024, month - 1, day, 2);
const SHANGHAI = 'Asia/Shanghai';
const buy = (anon: string, ts: number, value: number, currency = 'CNY', props: object = {}) =>
  conversion(ts, value, currency, { anonymousId: anon, sessionId: `s-${anon}` }, props);
const login = (anon: string, ts: number, userId: string) => identify(ts, userId, {}, {}, { anonymousId: anon, sessionId: `s-${anon}` });

let c: TestCollector;
// Started first and stopped in afterAll even when seeding fails, so no server outlives the file.
let engines: ClickHouseEngines | undefined;
let single: ClickHouseDb;
let sharded: ClickHouseDb;

beforeAll(async () => {
  engines = startClickHouseEngines();
  c = await startAnalyticsCollector();
  const [a1, a2, a3, a4, a7, a9, m1, t1] = ['a1', 'a2', 'a3', 'a4', 'a7', 'a9', 'm1', 't1'].map((id) => visitor(id));
  await send(c, [
    // RFM customers.
    buy('c1', at(5, 31), 100),
    // user-2 buys on two devices (on different shards of the cluster): 3 CNY orders (o-2b sent
    // twice, counted once) and one USD order.
    login('c2-phone', at(5, 1), 'user-2'), login('c2-laptop', at(5, 1), 'user-2'),
    buy('c2-phone', at(5, 10), 200, 'CNY', { order_id: 'o-2a' }),
    buy('c2-laptop', at(5, 15), 200, 'CNY', { order_id: 'o-2b' }),
    buy('c2-laptop', at(5, 15) + MIN, 200, 'CNY', { order_id: 'o-2b' }),
    buy('c2-phone', at(5, 20), 200, 'CNY', { order_id: 'o-2c' }),
    buy('c2-laptop', at(5, 21), 30, 'USD', { order_id: 'o-2d' }),
    buy('c3', at(4, 20), 100), buy('c3', at(5, 1), 200),
    buy('c4', at(4, 1), 50), buy('c4', at(6, 3), 5000),
    ...[5, 10, 15, 20].map((d) => buy('c5', at(5, d), 150)), buy('c5', at(6, 1), 400),
    // x1 and x2 spend the same 0.6 in a different order: they must tie on M.
    buy('x1', at(5, 11), 0.1), buy('x1', at(5, 12), 0.2), buy('x1', at(5, 13), 0.3),
    buy('x2', at(5, 11), 0.3), buy('x2', at(5, 12), 0.2), buy('x2', at(5, 13), 0.1),
    // u1 pays in USD only.
    buy('u1', at(5, 25), 80, 'USD'), buy('u1', at(5, 26), 20, 'USD'),
    // AIPL persons (as in test/collector/retention/aipl.test.ts).
    a1.page(at(5, 2), '/'),
    a2.page(at(5, 3), '/'), a2.event(at(5, 3) + MIN, 'view_product'),
    a3.page(at(5, 4), '/'), a3.page(at(5, 4) + 2 * HOUR, '/'),
    a4.page(at(5, 5), '/'), buy('a4', at(5, 5) + MIN, 100),
    buy('a5', at(5, 6), 100), buy('a5', at(5, 20), 100),
    buy('a6', at(3, 15), 100), buy('a6', at(5, 7), 100),
    buy('a7', at(3, 15), 100), a7.page(at(5, 8), '/'),
    login('a8', at(5, 9), 'user-8'),
    a9.page(at(4, 20), '/'),
    // user-3: one session on each of two devices (on different shards).
    login('u3-phone', at(5, 6), 'user-3'), visitor('u3-phone').page(at(5, 6), '/'),
    login('u3-desktop', at(5, 7), 'user-3'), visitor('u3-desktop').page(at(5, 7), '/'),
    // m1 buys on April 15 and at 00:30 on May 1 in Shanghai (still April 30 in New York).
    buy('m1', at(4, 15), 100), buy('m1', Date.UTC(2024, 3, 30, 16, 30), 100), m1.page(at(5, 10), '/'),
    // t1: a 3.2-day session (flagged too long) with a purchase in it: left out.
    ...Array.from({ length: 185 }, (_, i) => t1.page(at(5, 9) + i * 25 * MIN, '/')), buy('t1', at(5, 10), 700),
  ]);
  await send(c, [buy('crawler', at(5, 30), 9999), visitor('crawler').event(at(5, 30), 'view_product')], { 'user-agent': GOOGLEBOT });
  // A report refreshes the derived rows (persons, sessions) before they are copied.
  sqliteRfm(c.store.db, rfmQuery({}));
  [single, sharded] = await engines.fill(c.dbPath);
});

afterAll(async () => {
  await engines?.stop();
  await c?.stop();
});

/** The end of a local day in Shanghai. */
const endOf = (date: string) => startOfZonedDay(nextDay(date), SHANGHAI);

function rfmQuery(over: Partial<RfmQuery>): RfmQuery {
  return { site: 'shop', asOf: endOf('2024-06-01'), offset: 0, limit: 100, ...over };
}

/**
 * Monetary values rounded to 1e-9: both engines sum with compensation (SQLite's sum() is
 * Kahan–Babuška–Neumaier since 3.43, the ClickHouse query uses sumKahan), which agree on these
 * amounts but could differ in the last bit on others. Scores are compared exactly.
 */
function roundMoney(report: RfmReport): RfmReport {
  const items = report.persons.items.map((p) => ({ ...p, monetary: Math.round(p.monetary * 1e9) / 1e9 }));
  return { ...report, persons: { ...report.persons, items } };
}

const RFM_CASES: [string, Partial<RfmQuery>][] = [
  ['default currency (CNY)', {}],
  ['USD', { currency: 'USD' }],
  ['a currency nobody pays in', { currency: 'EUR' }],
  ['one segment, paged', { segment: 'loyal', offset: 0, limit: 2 }],
  ['a page', { offset: 3, limit: 4 }],
  ['an earlier as_of', { asOf: endOf('2024-05-15') }],
  ['before any conversion', { asOf: endOf('2024-01-01') }],
];

describe('ClickHouse RFM = SQLite RFM', () => {
  it('by hand: two devices, one order counted once, currencies never added, equal sums tie', async () => {
    const report = await chRfm(single, rfmQuery({}));
    // CNY conversions before the end of June 1: c1 1, user-2 3, c3 2, c4 1, c5 5, x1 3, x2 3, a4 1,
    // a5 2, a6 2, a7 1, m1 2 = 26 (t1's and the crawler's are left out); USD: user-2 1, u1 2 = 3.
    expect(report.currencies).toEqual([{ currency: 'CNY', conversions: 26 }, { currency: 'USD', conversions: 3 }]);
    expect(report.currency).toBe('CNY');
    const user2 = report.persons.items.find((p) => p.id === 'user-2');
    expect(user2).toMatchObject({ frequency: 4, monetary: 600 });
    const [x1, x2] = ['anon:x1', 'anon:x2'].map((id) => report.persons.items.find((p) => p.id === id)!);
    expect(x1.monetary).toBeCloseTo(0.6, 12);
    expect({ ...x2, id: x1.id }).toEqual(x1);
    const usd = await chRfm(single, rfmQuery({ currency: 'USD' }));
    expect(usd.persons.items.find((p) => p.id === 'user-2')).toMatchObject({ frequency: 4, monetary: 30 });
  });

  it.each(RFM_CASES)('%s: one server', async (_, over) => {
    const q = rfmQuery(over);
    expect(roundMoney(await chRfm(single, q))).toEqual(roundMoney(sqliteRfm(c.store.db, q)));
  });

  it.each(RFM_CASES)('%s: a 2-shard cluster', async (_, over) => {
    const q = rfmQuery(over);
    expect(roundMoney(await chRfm(sharded, q))).toEqual(roundMoney(sqliteRfm(c.store.db, q)));
  });

  it("the cluster holds user-2's two devices on different shards", async () => {
    const shards = await anonymousIdsByShard(sharded, 'events', 'user-2');
    expect(shards.map((ids) => ids.length)).toEqual([1, 1]);
    expect(shards.flat().sort()).toEqual(['c2-laptop', 'c2-phone']);
  });
});

function aiplQuery(from: string, to: string, over: Partial<AiplQuery> = {}): AiplQuery {
  const timeZone = over.timeZone ?? SHANGHAI;
  return { site: 'shop', from: startOfZonedDay(from, timeZone), to: startOfZonedDay(nextDay(to), timeZone), timeZone, ...over };
}

const AIPL_CASES: [string, AiplQuery][] = [
  ['May', aiplQuery('2024-05-01', '2024-05-31')],
  ['May 2–4', aiplQuery('2024-05-02', '2024-05-04')],
  ['May in New York (months cut elsewhere)', aiplQuery('2024-05-01', '2024-05-31', { timeZone: 'America/New_York' })],
  ['the first half of 2024', aiplQuery('2024-01-01', '2024-06-30')],
  ['other rules', aiplQuery('2024-05-01', '2024-05-31', {
    rules: {
      awareness: { events: ['page_view', 'identify'] },
      interest: { events: ['add_to_cart'], minSessions: 3 },
      purchase: { minConversions: 2 },
      loyalty: { minConversions: 4, minMonths: 3, lookbackDays: 60 },
    },
  })],
];

describe('ClickHouse AIPL = SQLite AIPL', () => {
  it('by hand: May 2–4, and May in two time zones', async () => {
    // May 2–4 local: a1 (awareness), a2 (a product view: interest), a3 (two sessions: interest).
    const short = await chAipl(single, aiplQuery('2024-05-02', '2024-05-04'));
    expect(short.activePersons).toBe(3);
    expect(short.stages.map((s) => s.persons)).toEqual([0, 1, 2, 0, 0]);
    // May in Shanghai: none a8; awareness a1, a7 (bought in March only); interest a2, a3, user-3
    // (a session on each device); purchase c1, a4; loyalty user-2, c5, x1, x2, u1 (2+ conversions
    // in May, any currency), c3, a6, m1 (April or March, and May) and a5. c4, a9, t1 (its session
    // is flagged) and the crawler are not active.
    const may = await chAipl(sharded, aiplQuery('2024-05-01', '2024-05-31'));
    expect(may.activePersons).toBe(17);
    expect(may.stages.map((s) => s.persons)).toEqual([1, 2, 3, 2, 9]);
    // May in New York (UTC−4): c3's May 1 10:00 in Shanghai is April 30 there (not active), and
    // m1's two purchases both fall in April: no conversion in May, one month, so awareness.
    const ny = await chAipl(sharded, aiplQuery('2024-05-01', '2024-05-31', { timeZone: 'America/New_York' }));
    expect(ny.activePersons).toBe(16);
    expect(ny.stages.map((s) => s.persons)).toEqual([1, 3, 3, 2, 7]);
  });

  it.each(AIPL_CASES)('%s: one server', async (_, q) => {
    expect(await chAipl(single, q)).toEqual(sqliteAipl(c.store.db, q));
  });

  it.each(AIPL_CASES)('%s: a 2-shard cluster', async (_, q) => {
    expect(await chAipl(sharded, q)).toEqual(sqliteAipl(c.store.db, q));
  });
});
