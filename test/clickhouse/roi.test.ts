/**
 * The ClickHouse ROI report and ad-cost store against the SQLite ones: the shop story (and a few
 * more visits) seeded through the real ingest of a SQLite collector and copied with its derived
 * persons and sessions, the same cost rows imported into both engines (costs in CNY and USD, and
 * a corrected re-import), must give the same report under every model, by channel and by
 * campaign, on one server and on a 2-shard cluster.
 *
 * Reports are compared deep-equal: both engines run the same model and ROI code on identical
 * paths and cost sums; each rounds money to 4 decimals, far above the last-bit differences of
 * adding the same floats in another order.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../collector/src/analytics/attribution/index.js';
import type { CostRowInput } from '../../collector/src/costs/cost-row.js';
import { validateCostRows } from '../../collector/src/costs/validate-cost-rows.js';
import { getRoiReport as chRoi } from '../../collector/src/storage/clickhouse/analytics/costs/get-roi-report.js';
import { getCostTotals as chCostTotals, storeAdCosts } from '../../collector/src/storage/clickhouse/analytics/costs/store-ad-costs.js';
import { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import { getRoiReport as sqliteRoi, type RoiQuery } from '../../collector/src/storage/sqlite/analytics/costs/get-roi-report.js';
import { getCostTotals as sqliteCostTotals } from '../../collector/src/storage/sqlite/analytics/costs/store-ad-costs.js';
import { batch, conversion, pageView } from '../collector/helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';
import { day, seedShopHistory } from '../collector/reports/report-fixtures.js';
import { startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

const SPECIAL = 'Spr"ing\\ 春\tx';

/** Costs in two currencies (the rows of test/collector/reports/roi.test.ts, and more). */
const COSTS: CostRowInput[] = [
  { date: '2026-03-01', source: 'Baidu', medium: 'cpc', campaign: 'spring', cost: 200, currency: 'CNY', impressions: 10000, clicks: 100 },
  { date: '2026-03-02', source: 'baidu', medium: 'cpc', campaign: 'Spring', cost: 100, currency: 'CNY', impressions: 5000, clicks: 50 },
  // Spend with no visit at all in the range.
  { date: '2026-03-03', source: 'sogou', medium: 'cpc', campaign: 'brand', cost: 80, currency: 'CNY', impressions: 1000, clicks: 20 },
  // Paid in USD while the newsletter's revenue is in CNY: flagged, never mixed.
  { date: '2026-03-05', source: 'newsletter', medium: 'email', campaign: 'march-news', cost: 10, currency: 'USD' },
  // Outside the range's days.
  { date: '2026-03-10', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 999, currency: 'CNY', impressions: 1, clicks: 1 },
  // Google Ads in USD against USD revenue, and in CNY on another day: two cost currencies in one row.
  { date: '2026-03-03', source: 'google', medium: 'cpc', campaign: 'Brand', cost: 12.34, currency: 'USD', impressions: 800, clicks: 16 },
  { date: '2026-03-04', source: 'google', medium: 'cpc', campaign: 'brand', cost: 7.5, currency: 'CNY', clicks: 5 },
  // A campaign name JSON has to escape: cost rows match visits on the JSON pair.
  { date: '2026-03-04', source: 'WeChat', medium: 'social', campaign: SPECIAL, cost: 66.6, currency: 'CNY', impressions: 3000, clicks: 30 },
];
/** A corrected export of one day, imported later: it replaces the first row of that day. */
const CORRECTION: CostRowInput[] = [
  { date: '2026-03-02', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 120.25, currency: 'CNY', impressions: 5100, clicks: 51 },
];

/** Visits beyond the shop story: Google Ads buyers in USD and CNY, and the special campaign. */
function moreVisits(): Record<string, any>[][] {
  const visit = (anon: string, at: number, campaign: Record<string, string>, value: number, currency: string) => {
    const ids = { anonymousId: anon, sessionId: `${anon}-1` };
    const context = { ...pageView(at, '/', ids).context, campaign };
    return [{ ...pageView(at, '/', ids), context }, { ...conversion(at + 60_000, value, currency, ids), context }];
  };
  return [
    visit('g-usd', day(3, 15), { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'Brand' }, 45.5, 'USD'),
    visit('g-cny', day(4, 16), { utm_source: 'Google', utm_medium: 'cpc', utm_campaign: 'brand' }, 88, 'CNY'),
    visit('wechat', day(4, 11), { utm_source: 'WeChat', utm_medium: 'social', utm_campaign: SPECIAL }, 199, 'CNY'),
  ];
}

let c: TestCollector;
let engines: ClickHouseEngines | undefined;
let single: ClickHouseDb;
let sharded: ClickHouseDb;

const validRows = (rows: CostRowInput[]) => {
  const { rows: valid, issues } = validateCostRows(rows, (i) => ({ base: `/rows/${i}` }));
  expect(issues).toEqual([]);
  return valid;
};

/** The same cost imports as the SQLite collector got: the rows, then a correction. */
async function importCosts(ch: ClickHouseDb): Promise<void> {
  expect(await storeAdCosts(ch, 'shop', validRows(COSTS))).toBe(COSTS.length);
  // The correction comes in a later import, as it would.
  await new Promise((r) => setTimeout(r, 5));
  expect(await storeAdCosts(ch, 'shop', validRows(CORRECTION))).toBe(1);
}

beforeAll(async () => {
  // The servers boot while the SQLite collector is seeded.
  engines = startClickHouseEngines();
  c = await startTestCollector();
  await seedShopHistory(c);
  for (const events of moreVisits()) {
    const res = await c.post('/v1/batch', batch(events, Date.now()));
    if (res.body.accepted !== events.length) throw new Error(`seeding failed: ${JSON.stringify(res.body)}`);
  }
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  expect((await c.post('/v1/costs', { site: 'shop', rows: COSTS }, admin)).body).toEqual({ site: 'shop', imported: COSTS.length });
  expect((await c.post('/v1/costs', { site: 'shop', rows: CORRECTION }, admin)).body).toEqual({ site: 'shop', imported: 1 });
  // Any report refreshes the derived sessions and persons before they are copied.
  const refreshed = await c.get('/v1/reports/roi?site=shop&from=2026-03-01&to=2026-03-06', READ_TOKEN);
  expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  [single, sharded] = await engines.fill(c.dbPath);
  await Promise.all([single, sharded].map(importCosts));
});

afterAll(async () => {
  await engines?.stop();
  await c?.stop();
});

function withSqlite<T>(read: (db: Database.Database) => T): T {
  const db = new Database(c.dbPath, { readonly: true });
  try { return read(db); } finally { db.close(); }
}

// Days 1–6 in Shanghai, as GET /v1/reports/roi?from=2026-03-01&to=2026-03-06 resolves them.
const query = (by: RoiQuery['by'], model: RoiQuery['model']): RoiQuery => ({
  site: 'shop', from: day(1, 0), to: day(7, 0), fromDate: '2026-03-01', toDate: '2026-03-06', by, model, lookbackDays: 30, halfLifeDays: 7,
});

describe('storeAdCosts on ClickHouse', () => {
  it('stores what SQLite stores: names lowercased, the corrected day replaced', async () => {
    const columns = 'date, source, medium, campaign, cost, currency, impressions, clicks';
    const expected = withSqlite((db) => db.prepare(`SELECT ${columns} FROM ad_costs WHERE site = 'shop' ORDER BY date, source, medium, campaign`).all());
    const got = await single.rows(`SELECT ${columns} FROM {table:ad_costs} FINAL WHERE site = 'shop' ORDER BY date, source, medium, campaign`);
    expect(got).toEqual(expected);
    expect(got).toContainEqual({ date: '2026-03-02', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 120.25, currency: 'CNY', impressions: 5100, clicks: 51 });
  });

  it('keeps the later of two rows for one day and campaign in one call, and reports progress', async () => {
    const rows = validRows([{ date: '2026-01-01', source: 'x', campaign: 'y', cost: 1, currency: 'CNY' }]);
    const progress: number[] = [];
    const stored = await storeAdCosts(single, 'other-site', [...rows, { ...rows[0], cost: 2 }, { ...rows[0], cost: 3 }], (n) => progress.push(n), 2);
    expect(stored).toBe(3);
    expect(progress).toEqual([2, 3]);
    expect(await chCostTotals(single, 'other-site', '2026-01-01', '2026-01-01')).toEqual([
      { source: 'x', campaign: 'y', medium: '', currency: 'CNY', cost: 3, impressions: null, clicks: null },
    ]);
  });

  it('sums cost totals like SQLite, counts left unknown when no row has them', async () => {
    const expected = withSqlite((db) => sqliteCostTotals(db, 'shop', '2026-03-01', '2026-03-06'));
    expect(await chCostTotals(single, 'shop', '2026-03-01', '2026-03-06')).toEqual(expected);
    expect(expected.find((t) => t.source === 'newsletter')).toMatchObject({ impressions: null, clicks: null });
  });
});

describe('getRoiReport on ClickHouse', () => {
  for (const model of MODEL_IDS) {
    it(`${model}: the SQLite report, by campaign and by channel`, async () => {
      for (const by of ['campaign', 'channel'] as const) {
        const q = query(by, model);
        expect(await chRoi(single, q)).toEqual(withSqlite((db) => sqliteRoi(db, q)));
      }
    });
  }

  it('hand-worked figures: baidu / spring under the linear model, and the totals', async () => {
    const report = await chRoi(single, query('campaign', 'linear'));
    // P1's three touches give baidu / spring 1/3 of 300 CNY, P2's two touches 1/2 of 50 CNY:
    // 5/6 conversions, 125 CNY. Cost 200 + 120.25 (the corrected day 2) = 320.25 CNY; the day-10
    // row is outside. ROI (125 − 320.25) / 320.25, clicks 100 + 51 = 151.
    const baidu = report.rows.find((r) => r.key === 'baidu / spring')!;
    expect(baidu).toMatchObject({ source: 'baidu', campaign: 'spring', cost: [{ currency: 'CNY', amount: 320.25 }], clicks: 151, impressions: 15100, revenue: [{ currency: 'CNY', amount: 125 }] });
    expect(baidu.figures[0].roi).toBeCloseTo((125 - 320.25) / 320.25, 9);
    // google / brand: 12.34 USD and 7.5 CNY of cost; 45.5 USD and 88 CNY of revenue: mixed, flagged.
    const google = report.rows.find((r) => r.key === 'google / brand')!;
    expect(google).toMatchObject({ cost: [{ currency: 'CNY', amount: 7.5 }, { currency: 'USD', amount: 12.34 }], currencyMismatch: true });
    // The special campaign matched its visit through the JSON pair.
    expect(report.rows.find((r) => r.campaign === SPECIAL.toLowerCase())).toMatchObject({ conversions: 1, revenue: [{ currency: 'CNY', amount: 199 }], cost: [{ currency: 'CNY', amount: 66.6 }] });
    // All cost in range per currency: CNY 200 + 120.25 + 80 + 7.5 + 66.6, USD 10 + 12.34.
    expect(report.totals.cost).toEqual([{ currency: 'CNY', amount: 474.35 }, { currency: 'USD', amount: 22.34 }]);
    expect(report.costsWithoutTraffic).toEqual([{ source: 'sogou', campaign: 'brand', medium: 'cpc', cost: { currency: 'CNY', amount: 80 } }]);
  });

  it('gives the same report on a 2-shard cluster', async () => {
    for (const [by, model] of [['campaign', 'markov'], ['channel', 'last_non_direct'], ['campaign', 'time_decay']] as const) {
      expect(await chRoi(sharded, query(by, model))).toEqual(await chRoi(single, query(by, model)));
    }
  });
});
