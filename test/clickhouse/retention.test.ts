/**
 * The ClickHouse retention report against the SQLite one: the same events, seeded through the real
 * ingest of a SQLite collector and copied with their derived persons and sessions, must give the
 * same tables, on one server and on a 2-shard cluster (sharded by visitor, so a person with two
 * devices has events on both shards).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import { getRetention as chRetention } from '../../collector/src/storage/clickhouse/analytics/retention/get-retention.js';
import { getRetention as sqliteRetention, type RetentionQuery } from '../../collector/src/storage/sqlite/analytics/retention/get-retention.js';
import { identify } from '../collector/helpers/events.js';
import type { TestCollector } from '../collector/helpers/test-collector.js';
import { MIN, send, startAnalyticsCollector, visitor } from '../collector/funnels/funnel-fixtures.js';
import { anonymousIdsByShard, GOOGLEBOT, startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

// Site "shop" is in Asia/Shanghai (UTC+8): local hour h of day d is UTC hour h − 8.
const local = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2024, month - 1, day, hour - 8, minute);

let c: TestCollector;
// Started first and stopped in afterAll even when seeding fails, so no server outlives the file.
let engines: ClickHouseEngines | undefined;
let single: ClickHouseDb;
let sharded: ClickHouseDb;

beforeAll(async () => {
  engines = startClickHouseEngines();
  c = await startAnalyticsCollector();
  const [p1, p2, p3, p4, p5, q1, phone, laptop, t1] = ['p1', 'p2', 'p3', 'p4', 'p5', 'q1', 'u1-phone', 'u1-laptop', 't1'].map((id) => visitor(id));
  await send(c, [
    // p1 comes back on May 2, 4, 8 and 15; p2 checks out on May 3 and comes back on May 9.
    ...[1, 2, 4, 8, 15].map((d) => p1.page(local(5, d, 10), '/')),
    p2.page(local(5, 1, 12), '/'), p2.event(local(5, 3, 12), 'checkout'), p2.page(local(5, 9, 12), '/'),
    // user-1 on two devices (on different shards of the cluster): phone on May 2, laptop on May 5 and 12.
    identify(local(5, 2, 9), 'user-1', {}, {}, { anonymousId: 'u1-phone', sessionId: 's-u1-phone' }), phone.page(local(5, 2, 9, 1), '/'),
    identify(local(5, 5, 20), 'user-1', {}, {}, { anonymousId: 'u1-laptop', sessionId: 's-u1-laptop' }), laptop.page(local(5, 5, 20, 1), '/'),
    laptop.event(local(5, 12, 20), 'checkout'),
    // p3 visits on May 6, signs up on May 7, comes back and checks out on May 14.
    p3.page(local(5, 6, 10), '/'), p3.event(local(5, 7, 10), 'signup', { plan: 'pro' }),
    p3.page(local(5, 14, 10), '/'), p3.event(local(5, 14, 10, 5), 'checkout'),
    // 23:30 on May 3 and 00:30 on May 4 local (both May 3 in UTC): two different days.
    p4.page(local(5, 3, 23, 30), '/'), p4.page(local(5, 4, 0, 30), '/'),
    // p5 was first seen on Sunday April 28: in no cohort from May 1, in the week of April 22.
    p5.page(local(4, 28, 10), '/'), p5.page(local(5, 2, 10), '/'),
    // q1 signs up on Thursday May 2 and checks out on Tuesday May 7.
    q1.event(local(5, 2, 10), 'signup', { plan: 'basic' }), q1.event(local(5, 7, 10), 'checkout'),
    // t1: a session of 3.2 days (flagged too long, left out), then a normal visit on May 13.
    ...Array.from({ length: 185 }, (_, i) => t1.page(local(5, 9, 0) + i * 25 * MIN, '/')),
    t1.page(local(5, 13, 10), '/'),
  ]);
  const bot = visitor('crawler');
  await send(c, [bot.page(local(5, 1, 10), '/'), bot.page(local(5, 2, 10), '/')], { 'user-agent': GOOGLEBOT });
  // A report refreshes the derived rows (persons, sessions) before they are copied.
  sqliteRetention(c.store.db, query({}));
  [single, sharded] = await engines.fill(c.dbPath);
});

afterAll(async () => {
  await engines?.stop();
  await c?.stop();
});

function query(over: Partial<RetentionQuery>): RetentionQuery {
  return {
    site: 'shop', timeZone: 'Asia/Shanghai', from: '2024-05-01', to: '2024-05-14', cohort: 'first_visit', signupEvent: 'signup',
    period: 'day', returnEvent: null, periods: 8, now: local(6, 1, 0), ...over,
  };
}

const CASES: [string, Partial<RetentionQuery>][] = [
  ['first visit per day', {}],
  ['first visit per day, some periods not begun', { now: local(5, 10, 12) }],
  ['first visit per week from the week of April 22', { period: 'week', from: '2024-04-24', to: '2024-05-13', periods: 4 }],
  ['signup per week, return = checkout', { cohort: 'signup', period: 'week', from: '2024-04-29', to: '2024-05-13', returnEvent: 'checkout', periods: 3 }],
  ['signup per day, return = page_view', { cohort: 'signup', from: '2024-05-01', to: '2024-05-08', returnEvent: 'page_view', periods: 10 }],
  ['a return event nobody sends', { returnEvent: 'remove_from_cart' }],
  ['another time zone', { timeZone: 'America/New_York', period: 'week', from: '2024-04-22', to: '2024-05-13' }],
];

describe('ClickHouse retention = SQLite retention', () => {
  it('by hand: the May 1 and May 2 cohorts per day', async () => {
    const report = await chRetention(single, query({}));
    // May 1: p1 and p2. p1 back on days 1, 3 and 7 (May 2, 4, 8); p2 on day 2 (May 3; May 9 is day 8).
    expect(report.cohorts[0]).toEqual({ start: '2024-05-01', size: 2, retained: [2, 1, 1, 1, 0, 0, 0, 1], rates: [1, 0.5, 0.5, 0.5, 0, 0, 0, 0.5] });
    // May 2: user-1 (phone) and q1 (p5 was first seen in April, the crawler is a bot). user-1
    // comes back on day 3 on the laptop (May 5), q1 on day 5 (May 7).
    expect(report.cohorts[1]).toMatchObject({ start: '2024-05-02', size: 2, retained: [2, 0, 0, 1, 0, 1, 0, 0] });
    // t1's long session is left out: its first visit is May 13 (index 12), not May 9 (index 8).
    expect(report.cohorts[8].size).toBe(0);
    expect(report.cohorts[12].size).toBe(1);
  });

  it.each(CASES)('%s: one server', async (_, over) => {
    const q = query(over);
    expect(await chRetention(single, q)).toEqual(sqliteRetention(c.store.db, q));
  });

  it.each(CASES)('%s: a 2-shard cluster', async (_, over) => {
    const q = query(over);
    expect(await chRetention(sharded, q)).toEqual(sqliteRetention(c.store.db, q));
  });

  it("the cluster holds user-1's two devices on different shards", async () => {
    const shards = await anonymousIdsByShard(sharded, 'events', 'user-1');
    expect(shards.map((ids) => ids.length)).toEqual([1, 1]);
    expect(shards.flat().sort()).toEqual(['u1-laptop', 'u1-phone']);
  });
});
