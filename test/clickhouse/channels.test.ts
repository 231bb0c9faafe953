/**
 * The ClickHouse channel, breakdown, session-totals, time-series and live-count reports against
 * the SQLite ones: the same events, seeded through the real ingest of a SQLite collector and
 * copied with their derived persons and sessions, must give the same answers, on one server and
 * on a 2-shard cluster (sharded by visitor: P2's two devices may sit on different shards).
 *
 * Revenue amounts are compared to 1e-9: both engines round each sum to 4 decimals, but they add
 * the same amounts in different orders, so a sum sitting on a rounding edge could come out one
 * unit of the last place apart. Every other figure is an integer count or a ratio of counts,
 * compared exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../collector/src/analytics/sessions/refresh-derived.js';
import type { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import * as ch from '../../collector/src/storage/clickhouse/analytics/channels/get-breakdown.js';
import { getChannelReport as chChannelReport } from '../../collector/src/storage/clickhouse/analytics/channels/get-channel-report.js';
import { getSessionTotals as chSessionTotals, getSessionTotalsByWindow as chSessionTotalsByWindow } from '../../collector/src/storage/clickhouse/analytics/channels/get-session-totals.js';
import { getLiveCount as chLiveCount } from '../../collector/src/storage/clickhouse/analytics/live/get-live-count.js';
import { getTimeseries as chTimeseries } from '../../collector/src/storage/clickhouse/analytics/timeseries/get-timeseries.js';
import { getBreakdown, SESSION_DIMENSIONS, type BreakdownQuery, type SessionFilters } from '../../collector/src/storage/sqlite/analytics/channels/get-breakdown.js';
import { CHANNEL_GROUPINGS, getChannelReport } from '../../collector/src/storage/sqlite/analytics/channels/get-channel-report.js';
import { getSessionTotals } from '../../collector/src/storage/sqlite/analytics/channels/get-session-totals.js';
import { getLiveCount } from '../../collector/src/storage/sqlite/analytics/live/get-live-count.js';
import { bucketSlots } from '../../collector/src/storage/clickhouse/analytics/timeseries/bucket-slots.js';
import { getTimeseries, SERIES_METRICS, type TimeseriesQuery } from '../../collector/src/storage/sqlite/analytics/timeseries/get-timeseries.js';
import { INTERVALS, timeBuckets } from '../../collector/src/storage/sqlite/analytics/timeseries/time-buckets.js';
import { conversion } from '../collector/helpers/events.js';
import type { TestCollector } from '../collector/helpers/test-collector.js';
import { send, startAnalyticsCollector, visitor } from '../collector/funnels/funnel-fixtures.js';
import { seedFilterHistory } from '../collector/reports/filter-fixtures.js';
import { day, MIN, seedShopHistory } from '../collector/reports/report-fixtures.js';
import { anonymousIdsByShard, GOOGLEBOT, startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

let c: TestCollector;
// Started first and stopped in afterAll even when seeding fails, so no server outlives the file.
let servers: ClickHouseEngines | undefined;
const engines: Record<'one server' | '2-shard cluster', ClickHouseDb> = {} as never;
/** When the live-count events were sent, and when they had all arrived. */
let liveSince = 0;
let liveDone = 0;

/**
 * The stories of report-fixtures.ts (days 1–6: P1–P4, a crawler, an order sent twice, CNY and
 * USD) and filter-fixtures.ts (days 0–1: devices, creatives), plus, in Shanghai time:
 *  W1  day 8 14:30 weibo / social "launch"; signs up (plan pro); buys 19.99 USD with coupon SPRING
 *  W2  day 8 15:30 direct; a page of category shoes, a cart add; buys 0.1 CNY (coupon SPRING) and 0.2 CNY
 *  W3  day 8 04:00 (March 7 in UTC and New York): direct; signs up (plan basic, 3 seats)
 *  T1  day 2 00:00: 185 page views 25 minutes apart, one 77-hour session (flagged too long)
 *  a crawler on day 8 signs up (plan pro) and buys 500 CNY with coupon SPRING (a bot)
 * and, at the real current time, one human and one crawler page view for the live count.
 */
async function seed(): Promise<void> {
  await seedShopHistory(c);
  await seedFilterHistory(c);
  const [w1, w2, w3, t1] = ['w1', 'w2', 'w3', 't1'].map((id) => visitor(`anon-${id}`));
  const over = (id: string) => ({ anonymousId: `anon-${id}`, sessionId: `s-anon-${id}` });
  const at = (hour: number, minute = 0) => day(8, hour, minute);
  await send(c, [
    w1.landing(at(14, 30), '/launch', { utm_source: 'weibo', utm_medium: 'social', utm_campaign: 'launch' }),
    w1.event(at(14, 35), 'signup', { plan: 'pro' }),
    conversion(at(14, 40), 19.99, 'USD', over('w1'), { coupon: 'SPRING' }),
    { ...w2.page(at(15, 30), '/shoes'), props: { category: 'shoes' } },
    w2.event(at(15, 31), 'add_to_cart', { sku: 'A1', price: 9.5 }),
    conversion(at(15, 32), 0.1, 'CNY', over('w2'), { coupon: 'SPRING' }),
    conversion(at(15, 33), 0.2, 'CNY', over('w2')),
    w3.page(at(4), '/'),
    w3.event(at(4, 1), 'signup', { plan: 'basic', seats: 3 }),
    ...Array.from({ length: 185 }, (_, i) => t1.page(day(2, 0) + i * 25 * MIN, '/')),
  ]);
  const bot = visitor('anon-crawler-2');
  await send(c, [
    bot.page(at(9), '/'),
    bot.event(at(9, 1), 'signup', { plan: 'pro' }),
    conversion(at(9, 2), 500, 'CNY', { anonymousId: 'anon-crawler-2', sessionId: 's-anon-crawler-2' }, { coupon: 'SPRING' }),
  ], { 'user-agent': GOOGLEBOT });
  liveSince = Date.now();
  await send(c, [visitor('anon-live').page(Date.now(), '/')]);
  await send(c, [visitor('anon-live-bot').page(Date.now(), '/')], { 'user-agent': GOOGLEBOT });
  liveDone = Date.now();
}

beforeAll(async () => {
  servers = startClickHouseEngines();
  c = await startAnalyticsCollector();
  await seed();
  refreshDerived(c.store.db, 'shop');
  const [one, two] = await servers.fill(c.dbPath);
  engines['one server'] = one;
  engines['2-shard cluster'] = two;
});

afterAll(async () => {
  await servers?.stop();
  await c?.stop();
});

/** Revenue amounts to 1e-9 (see the top of the file); the rest as it is. */
function comparable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'amount' && typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)) as T;
}

const ALL = { site: 'shop', from: day(0, 0), to: day(10, 0) };
const DAY1 = { site: 'shop', from: day(1, 0), to: day(2, 0) };
/** Not on any bucket edge: the first and last buckets are clipped. */
const ODD = { site: 'shop', from: day(1, 10, 3) + 517, to: day(8, 15, 31) + 9 };

const FILTERS: SessionFilters[] = [
  { device_type: 'mobile' },
  { channel: ['Paid Search', 'Email'] },
  { campaign: '(direct)' },
  { content: '(not set)', device_type: 'desktop' },
  { source_medium: 'baidu / cpc', campaign: 'spring', content: ['red', 'blue'] },
  { landing_page: ['/', '/launch'], browser: 'Chrome', os: 'Windows' },
  { channel: 'Email', device_type: 'desktop' },
  { channel: [] },
];

const BREAKDOWNS: [string, BreakdownQuery][] = [
  ...SESSION_DIMENSIONS.map((d): [string, BreakdownQuery] => [`${d}, all days`, { ...ALL, dimension: d }]),
  ...SESSION_DIMENSIONS.map((d): [string, BreakdownQuery] => [`${d}, unaligned range`, { ...ODD, dimension: d }]),
  ...FILTERS.map((f): [string, BreakdownQuery] => [`content filtered by ${JSON.stringify(f)}`, { ...ALL, dimension: 'content', filters: f }]),
  ...FILTERS.map((f): [string, BreakdownQuery] => [`channel on day 1 filtered by ${JSON.stringify(f)}`, { ...DAY1, dimension: 'channel', filters: f }]),
  ...['plan', 'seats', 'coupon', 'category', 'sku', 'price', 'order_id', 'goal', 'value', 'currency', 'nothing'].map((p): [string, BreakdownQuery] => [`prop:${p}`, { ...ALL, dimension: `prop:${p}` }]),
  ['prop:plan, unaligned range', { ...ODD, dimension: 'prop:plan' }],
];

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York'];
const SERIES: [string, Omit<TimeseriesQuery, 'timeZone'>][] = [
  ['hour over the New York DST change', { site: 'shop', from: Date.UTC(2026, 2, 7, 0), to: Date.UTC(2026, 2, 9, 12), interval: 'hour', metrics: SERIES_METRICS }],
  ['day, all days', { ...ALL, interval: 'day', metrics: SERIES_METRICS }],
  ['day, unaligned range', { ...ODD, interval: 'day', metrics: SERIES_METRICS }],
  ['hour, unaligned range', { ...ODD, interval: 'hour', metrics: SERIES_METRICS }],
  ['week', { ...ALL, interval: 'week', metrics: SERIES_METRICS }],
  ['month, some metrics', { ...ODD, interval: 'month', metrics: ['revenue', 'conversion_rate', 'users'] }],
  ['day, page views only', { ...ALL, interval: 'day', metrics: ['pageviews'] }],
];

describe('by hand', () => {
  it('totals: the crawler and the too-long session are left out, revenue per currency', async () => {
    const totals = await chSessionTotals(engines['one server'], ALL);
    // CNY: 300 (P1, order o-1 counted once) + 50 (P2) + 100 (V2) + 0.1 + 0.2 (W2) = 450.3;
    // USD: 20 (P4) + 19.99 (W1). The crawler's 500 CNY is not there.
    expect(comparable(totals.revenue)).toEqual([{ currency: 'CNY', amount: 450.3 }, { currency: 'USD', amount: 39.99 }]);
    // Sessions: P1 3, P2 2, P3 2, P4 1 (shop story); V1–V4 1 each, V6 2 (filter story); W1–W3.
    expect(totals.sessions).toBe(8 + 6 + 3);
  });

  it('users: a person with two devices on two shards counts once', async () => {
    const shards = await anonymousIdsByShard(engines['2-shard cluster'], 'sessions', 'u-2');
    expect(shards.sort()).toEqual([['anon-p2a'], ['anon-p2b']]);
    // P1–P4 (P2 = u-2 on two devices), V1–V4 and V6, W1–W3.
    expect((await chSessionTotals(engines['2-shard cluster'], ALL)).users).toBe(4 + 5 + 3);
  });

  it('channels on day 1: Paid Search is V1–V3 and P1, with V2’s 100 CNY', async () => {
    const rows = await chChannelReport(engines['2-shard cluster'], { ...DAY1, by: 'channel' });
    expect(rows.find((r) => r.key === 'Paid Search')).toMatchObject({ sessions: 4, users: 4, conversions: 1, convertingSessions: 1, revenue: [{ currency: 'CNY', amount: 100 }] });
  });

  it('a property keeps its type and its revenue per currency', async () => {
    const coupon = await ch.getBreakdown(engines['2-shard cluster'], { ...ALL, dimension: 'prop:coupon' });
    // W1's 19.99 USD and W2's first 0.1 CNY carry the coupon; the crawler's does not count.
    expect(comparable(coupon)).toEqual([{
      key: 'SPRING', sessions: 2, users: 2, pageviews: 0, engagedSessions: 2, bounceRate: 0, conversions: 2, convertingSessions: 2, conversionRate: 1,
      revenue: [{ currency: 'CNY', amount: 0.1 }, { currency: 'USD', amount: 19.99 }],
    }]);
    const seats = await ch.getBreakdown(engines['one server'], { ...ALL, dimension: 'prop:seats' });
    expect(seats.map((r) => [r.key, r.sessions])).toEqual([[3, 1]]);
  });

  it('days are cut in the site time zone', async () => {
    // W3 came on March 7 at 20:00 UTC: March 8 in Shanghai, March 7 in UTC and New York.
    const days = async (timeZone: string) => {
      const points = await chTimeseries(engines['2-shard cluster'], { site: 'shop', from: Date.UTC(2026, 2, 6, 0), to: Date.UTC(2026, 2, 10, 0), interval: 'day', timeZone, metrics: ['sessions'] });
      return Object.fromEntries(points.filter((p) => /^2026-03-0[78]/.test(p.start)).map((p) => [p.start.slice(0, 10), p.sessions]));
    };
    expect(await days('UTC')).toEqual({ '2026-03-07': 1, '2026-03-08': 2 });
    expect(await days('Asia/Shanghai')).toEqual({ '2026-03-07': 0, '2026-03-08': 3 });
    expect(await days('America/New_York')).toEqual({ '2026-03-07': 1, '2026-03-08': 2 });
  });

  it('live count: bots counted apart', async () => {
    const live = await chLiveCount(engines['2-shard cluster'], 'shop', liveSince);
    expect(live).toMatchObject({ events: 2, bots: 1 });
    expect(live.lastReceivedAt).toBeGreaterThanOrEqual(liveSince);
    expect(live.lastReceivedAt).toBeLessThanOrEqual(liveDone);
  });
});

describe.each(['one server', '2-shard cluster'] as const)('ClickHouse = SQLite on %s', (engine) => {
  it.each(BREAKDOWNS)('breakdown: %s', async (_, q) => {
    expect(comparable(await ch.getBreakdown(engines[engine], q))).toEqual(comparable(getBreakdown(c.store.db, q)));
  });

  it('channel report by every grouping, with and without filters', async () => {
    for (const by of CHANNEL_GROUPINGS) {
      for (const [range, filters] of [[ALL, undefined], [ODD, undefined], [ALL, FILTERS[0]], [DAY1, FILTERS[4]]] as const) {
        const q = { ...range, by, filters };
        expect(comparable(await chChannelReport(engines[engine], q)), JSON.stringify(q)).toEqual(comparable(getChannelReport(c.store.db, q)));
      }
    }
  });

  it('session totals, with every filter', async () => {
    for (const range of [ALL, DAY1, ODD]) {
      for (const filters of [undefined, ...FILTERS]) {
        const q = { ...range, filters };
        expect(comparable(await chSessionTotals(engines[engine], q)), JSON.stringify(q)).toEqual(comparable(getSessionTotals(c.store.db, q)));
      }
    }
  });

  it('session totals of many windows in one query, overlapping or not, as each window alone', async () => {
    const HOUR = 3_600_000;
    // Hours across the whole range, days that overlap by half, the three report ranges, and an empty window.
    const windows = [
      ...Array.from({ length: 48 }, (_, i) => ({ from: ALL.from + i * 6 * HOUR, to: ALL.from + (i + 1) * 6 * HOUR })),
      ...Array.from({ length: 8 }, (_, i) => ({ from: ALL.from + i * 12 * HOUR, to: ALL.from + (i + 2) * 12 * HOUR })),
      ...[ALL, DAY1, ODD].map((r) => ({ from: r.from, to: r.to })),
      { from: ALL.from, to: ALL.from },
    ];
    for (const filters of [undefined, ...FILTERS]) {
      const q = { site: ALL.site, windows, filters };
      const expected = windows.map((w) => comparable(getSessionTotals(c.store.db, { site: ALL.site, from: w.from, to: w.to, filters })));
      const got = await chSessionTotalsByWindow(engines[engine], q);
      expect(got.map(comparable), JSON.stringify(filters)).toEqual(expected);
    }
    // The data is not trivial: some windows hold sessions, some hold none.
    const totals = windows.map((w) => getSessionTotals(c.store.db, { site: ALL.site, from: w.from, to: w.to }).sessions);
    expect(totals.filter((n) => n > 0).length).toBeGreaterThan(3);
    expect(totals.filter((n) => n === 0).length).toBeGreaterThan(3);
  });

  it('the same refusals', async () => {
    const cases: BreakdownQuery[] = [
      { ...ALL, dimension: 'channel', filters: { referrer: 'x' } as never },
      { ...ALL, dimension: 'prop:goal', filters: { channel: 'Direct' } },
      { ...ALL, dimension: 'prop:a"b' },
    ];
    for (const q of cases) {
      const message = (() => { try { getBreakdown(c.store.db, q); } catch (err) { return (err as Error).message; } return 'no error'; })();
      await expect(ch.getBreakdown(engines[engine], q)).rejects.toThrow(new RangeError(message));
    }
  });

  it.each(SERIES.flatMap(([name, q]) => ZONES.map((timeZone): [string, TimeseriesQuery] => [`${name}, ${timeZone}`, { ...q, timeZone }])))('time series: %s', async (_, q) => {
    expect(comparable(await chTimeseries(engines[engine], q))).toEqual(comparable(getTimeseries(c.store.db, q)));
  });

  it('time series: the same refusal of too many buckets', async () => {
    const q: TimeseriesQuery = { site: 'shop', from: 0, to: day(1), interval: 'hour', timeZone: 'UTC', metrics: ['sessions'] };
    expect(() => getTimeseries(c.store.db, q)).toThrow(RangeError);
    await expect(chTimeseries(engines[engine], q)).rejects.toThrow(RangeError);
  });

  it('live count', async () => {
    for (const since of [0, liveSince, liveDone + 60_000, day(8, 0)]) {
      expect(await chLiveCount(engines[engine], 'shop', since), String(since)).toEqual(getLiveCount(c.store.db, 'shop', since));
    }
  });
});

describe('bucket slots', () => {
  it('give every instant the bucket a search of the edges gives', () => {
    // Zones with DST of an hour, of half an hour (Lord Howe), and a :45 offset.
    for (const timeZone of ['UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      for (const interval of INTERVALS) {
        // Early March to mid June 2025: New York and Lord Howe change their clocks in between.
        const from = Date.UTC(2025, 2, 3, 7, 13, 1, 17);
        const to = from + (interval === 'hour' ? 1000 : interval === 'day' ? 2500 : 20000) * 3_600_000;
        const buckets = timeBuckets(from, to, interval, timeZone);
        const s = bucketSlots(buckets, from, to);
        for (let n = 0; n < 3000; n += 1) {
          // Spread over the range, and exactly on every edge.
          const ts = n < s.bounds.length - 1 ? s.bounds[n] : from + Math.floor(((n * 7919) % 3000) / 3000 * (to - from));
          const searched = s.bounds.filter((b) => b <= ts).length - 1;
          const b0 = s.slot_buckets[Math.floor((ts - from) / s.slot)];
          expect(b0 + (ts >= s.bounds[b0 + 1] ? 1 : 0), `${timeZone} ${interval} ${ts}`).toBe(searched);
        }
      }
    }
  });
});
