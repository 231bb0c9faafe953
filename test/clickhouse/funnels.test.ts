/**
 * The ClickHouse funnel (`getFunnel` over ClickHouse) against the SQLite engine's: one shop is
 * seeded through the real ingest of a SQLite collector, its derived rows are copied into
 * ClickHouse (one server, and a cluster of two shards), and every scenario below must give a
 * deep-equal report from both engines, with no tolerance: both count the same chains with the
 * same summarizeFunnel, and all times are integers. Each scenario sits on its own days, so
 * several carry figures worked out by hand from the definitions as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import { migrateClickHouse } from '../../collector/src/storage/clickhouse/migrate.js';
import { getFunnel } from '../../collector/src/storage/clickhouse/analytics/funnels/get-funnel.js';
import { FunnelDefinition } from '../../collector/src/storage/sqlite/analytics/funnels/funnel-definition.js';
import type { FunnelReport } from '../../collector/src/storage/sqlite/analytics/funnels/get-funnel.js';
import { conversion, identify, pageView } from '../collector/helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';
import { DAY, HOUR, MIN, analyticsDictionary, send, visitor } from '../collector/funnels/funnel-fixtures.js';
import { startClickHouse, startClickHouseCluster, type ClickHouseCluster } from '../setup/clickhouse-server.js';
import { copyDerived } from './helpers/copy-derived.js';
import { mulberry32 as prng } from '../../collector/src/analytics/random.js';

type Json = Record<string, any>;

/** A definition over the step-1 events of [from, to), with what is known of its answer by hand. */
interface Scenario {
  name: string;
  from: number;
  to: number;
  definition: Json;
  entrants?: number[];
  medians?: (number | null)[];
  groups?: [string | number, number[]][];
}

const T0 = Date.UTC(2024, 4, 1, 2);
/** Scenario days. */
const at = (day: number) => T0 + day * DAY;
const around = (day: number, span = HOUR) => ({ from: at(day) - HOUR, to: at(day) + span });
const three = [{ event: 'view_product' }, { event: 'add_to_cart' }, { event: 'checkout' }];
const hour = { value: 1, unit: 'hour' };
const MOBILE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

/** Property values of the `probe` events, one person each (`undefined`: no property). */
const PROBES: unknown[] = [
  'pro', 'Pro', '100', 100, 100.5, 0, 1, true, false, null, undefined, '', 'true', '1', 0.00001, -3,
  'a"b\\c', '中文', '😀', 1e21, '100.0', 12.25, 1.5e-7, 12345678901234567000,
];

/** Events of every scenario, in batches: each batch is one visitor's story (exact differences). */
function seed(): { events: Json[]; headers?: Record<string, string> }[] {
  const batches: { events: Json[]; headers?: Record<string, string> }[] = [];
  const add = (events: Json[], headers?: Record<string, string>) => batches.push({ events, headers });
  // Modes (day 0): m-a has a page view between steps 1 and 2; m-b reaches step 2 in step 1's ms.
  let T = at(0);
  const [ma, mb, md] = ['m-a', 'm-b', 'm-d'].map((id) => visitor(id));
  add([ma.event(T, 'view_product'), ma.page(T + MIN, '/help'), ma.event(T + 2 * MIN, 'add_to_cart'), ma.event(T + 3 * MIN, 'checkout')]);
  add([mb.event(T, 'view_product'), mb.event(T, 'add_to_cart'), mb.event(T + MIN, 'checkout')]);
  add([md.event(T, 'view_product'), md.event(T + MIN, 'add_to_cart'), md.event(T + 2 * MIN, 'checkout')]);
  // Exclusions (day 3): a removal after the cart, before it, after checkout.
  T = at(3);
  const [xd, xe, xf] = ['x-d', 'x-e', 'x-f'].map((id) => visitor(id));
  add([xd.event(T, 'view_product'), xd.event(T + MIN, 'add_to_cart'), xd.event(T + 2 * MIN, 'remove_from_cart'), xd.event(T + 3 * MIN, 'checkout')]);
  add([xe.event(T, 'view_product'), xe.event(T + MIN, 'remove_from_cart'), xe.event(T + 2 * MIN, 'add_to_cart'), xe.event(T + 3 * MIN, 'checkout')]);
  add([xf.event(T, 'view_product'), xf.event(T + MIN, 'add_to_cart'), xf.event(T + 2 * MIN, 'checkout'), xf.event(T + 3 * MIN, 'remove_from_cart')]);
  // Figures (day 6).
  T = at(6);
  const [j, k, l, m] = ['f-j', 'f-k', 'f-l', 'f-m'].map((id) => visitor(id));
  add([j.event(T, 'view_product'), j.event(T + 2 * MIN, 'add_to_cart'), j.event(T + 10 * MIN, 'checkout')]);
  add([k.event(T, 'view_product'), k.event(T + 4 * MIN, 'add_to_cart'), k.event(T + 20 * MIN, 'checkout')]);
  add([l.event(T, 'view_product'), l.event(T + 6 * MIN, 'add_to_cart')]);
  add([m.event(T, 'view_product')]);
  // A later step-1 event starts a new chain (day 9); the window boundary is included.
  T = at(9);
  const [nc, nc2, nb] = ['nc-1', 'nc-2', 'nc-b'].map((id) => visitor(id));
  add([nc.event(T, 'view_product'), nc.event(T + 50 * MIN, 'view_product'), nc.event(T + 70 * MIN, 'add_to_cart')]);
  add([nc2.event(T, 'view_product'), nc2.event(T + 61 * MIN, 'add_to_cart')]);
  add([nb.event(T, 'view_product'), nb.event(T + 60 * MIN, 'add_to_cart')]);
  // Persons and sessions (day 12): the checkout comes in a second session, two hours later.
  T = at(12);
  const n = visitor('s-n');
  add([n.event(T, 'view_product'), n.event(T + MIN, 'add_to_cart'), n.event(T + 2 * HOUR, 'checkout')]);
  // Breakdowns (day 15): g converts the next day in a direct session; h is on a phone.
  T = at(15);
  const baidu = { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' };
  const email = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'may-news' };
  const [g, h, i] = ['b-g', 'b-h', 'b-i'].map((id) => visitor(id));
  add([g.landing(T, '/', baidu), g.event(T + MIN, 'view_product', { category: 'shoes' }),
    g.event(T + DAY, 'view_product', { category: 'bags' }), g.event(T + DAY + 5 * MIN, 'add_to_cart', { sku: 'a' }), g.event(T + DAY + 10 * MIN, 'checkout')]);
  add([h.landing(T, '/', email), h.event(T + MIN, 'view_product', { category: 'shoes' }), h.event(T + 2 * MIN, 'add_to_cart', { sku: 'b' })], { 'user-agent': MOBILE_UA });
  add([i.landing(T, '/', baidu), i.event(T + MIN, 'view_product')]);
  // Property conditions (day 20): one probe per value, each followed by a checkout.
  T = at(20);
  PROBES.forEach((value, p) => {
    const v = visitor(`pv-${p}`);
    add([v.event(T + p * MIN, 'probe', value === undefined ? {} : { val: value, other: 'x' }), v.event(T + p * MIN + 30_000, 'checkout')]);
  });
  ['100', '100.0', '2024', 'Pricing'].forEach((title, p) => {
    const v = visitor(`pt-${p}`);
    add([pageView(T + p * MIN, `/t${p}`, { anonymousId: `pt-${p}`, sessionId: `s-pt-${p}`, page: { title } }), v.event(T + p * MIN + 1000, 'checkout')]);
  });
  [25, 19.99, 100].forEach((value, p) => {
    const v = visitor(`pr-${p}`);
    add([conversion(T + p * MIN, value, 'CNY', { anonymousId: `pr-${p}`, sessionId: `s-pr-${p}` }), v.event(T + p * MIN + 1000, 'checkout')]);
  });
  const camp = visitor('pc-1');
  add([camp.landing(T, '/', { utm_source: 'x', utm_medium: 'cpc', utm_campaign: '2024' }), camp.event(T + MIN, 'checkout')]);
  // The ClickHouse documentation's example (2019).
  const u = visitor('doc-1');
  const doc = (d: number, hh: number) => Date.UTC(2019, 0, d, hh);
  add([u.event(doc(29, 10), 'event_1003'), u.event(doc(31, 9), 'event_1007'), u.event(doc(30, 8), 'event_1009'), u.event(doc(32, 8), 'event_1010')]);
  // Steps a month apart in a 90-day window (day 100): more ms than an Int32 holds.
  T = at(100);
  const [lo, fit] = ['long-1', 'fit-1'].map((id) => visitor(id));
  add([lo.event(T, 'view_product'), lo.event(T + 30 * DAY, 'add_to_cart'), lo.event(T + 59 * DAY, 'checkout')]);
  add([fit.event(T, 'view_product'), fit.event(T + 10 * DAY, 'add_to_cart'), fit.event(T + 20 * DAY, 'checkout')]);
  // A view every other day for 50 days, then a cart an hour after the last (day 110).
  T = at(110);
  const often = visitor('often-1');
  add([...Array.from({ length: 26 }, (_, d) => often.event(T + 2 * d * DAY, 'view_product')), often.event(T + 50 * DAY + HOUR, 'add_to_cart')]);
  // One person, two devices (day 40): views on one, adds to cart on the other 5 minutes later.
  // (sipHash64 puts the devices of persons 0, 1, 3 and 4 on different shards of two.)
  T = at(40);
  for (let p = 0; p < 6; p++) {
    const ids = [`xd-${p}-phone`, `xd-${p}-laptop`];
    const [a, b] = ids.map((id) => visitor(id));
    add([identify(T - MIN, `user-x${p}`, {}, {}, { anonymousId: ids[0], sessionId: `s-${ids[0]}` }), a.event(T, 'view_product'),
      identify(T + MIN, `user-x${p}`, {}, {}, { anonymousId: ids[1], sessionId: `s-${ids[1]}` }), b.event(T + 5 * MIN, 'add_to_cart')]);
  }
  for (const events of generatedShop(150)) add(events);
  return batches;
}

/** Persons browse, add to cart, remove, come back hours later and check out (days 50 to 52). */
function generatedShop(persons: number): Json[][] {
  const random = prng(20240501);
  const categories = ['shoes', 'bags', 'hats'];
  return Array.from({ length: persons }, (_, p) => {
    const v = visitor(`gen-${p}`);
    const events: Json[] = [];
    let t = at(50) + Math.floor(random() * 48) * HOUR + Math.floor(random() * 3600) * 1000;
    const count = 2 + Math.floor(random() * 12);
    for (let e = 0; e < count; e++) {
      const r = random();
      if (r < 0.35) events.push(v.page(t, random() < 0.5 ? '/' : '/pricing'));
      else if (r < 0.6) events.push(v.event(t, 'view_product', { category: categories[Math.floor(random() * 3)], price: Math.floor(random() * 200) }));
      else if (r < 0.78) events.push(v.event(t, 'add_to_cart', { sku: `sku-${Math.floor(random() * 5)}` }));
      else if (r < 0.86) events.push(v.event(t, 'remove_from_cart'));
      else events.push(v.event(t, 'checkout'));
      const gap = random();
      t += gap < 0.1 ? 0 : gap < 0.85 ? Math.floor(random() * 20) * MIN : Math.floor(random() * 30) * HOUR;
    }
    return events;
  });
}

const probe = (name: string, filter: Json, entrants?: number[]): Scenario => ({
  name: `property ${name}`, ...around(20), definition: { steps: [{ event: 'probe', filters: [filter] }, { event: 'checkout' }] }, entrants,
});
const column = (name: string, event: string, filter: Json, entrants?: number[]): Scenario => ({
  name: `column ${name}`, ...around(20), definition: { steps: [{ event, filters: [filter] }, { event: 'checkout' }] }, entrants,
});
const shop = (name: string, definition: Json): Scenario => ({ name: `generated shop: ${name}`, from: at(50), to: at(53), definition });

const SCENARIOS: Scenario[] = [
  { name: 'default mode', ...around(0), definition: { steps: three, window: hour }, entrants: [3, 3, 3] },
  { name: 'strict_order', ...around(0), definition: { steps: three, window: hour, mode: 'strict_order' }, entrants: [3, 2, 2] },
  { name: 'strict_increase', ...around(0), definition: { steps: three, window: hour, mode: 'strict_increase' }, entrants: [3, 2, 2] },
  { name: 'exclusion between steps 2 and 3', ...around(3), definition: { steps: three, window: hour, exclusions: [{ event: 'remove_from_cart', between: [2, 3] }] }, entrants: [3, 3, 2] },
  { name: 'exclusion over the whole funnel', ...around(3), definition: { steps: three, window: hour, exclusions: [{ event: 'remove_from_cart' }] }, entrants: [3, 2, 1] },
  { name: 'exclusion in strict_order', ...around(3), definition: { steps: three, window: hour, mode: 'strict_order', exclusions: [{ event: 'remove_from_cart' }] } },
  { name: 'exclusion in strict_increase', ...around(3), definition: { steps: three, window: hour, mode: 'strict_increase', exclusions: [{ event: 'remove_from_cart', between: [1, 2] }] } },
  {
    name: 'conversion, drop-off and median time to convert', ...around(6),
    definition: { steps: [...three.slice(0, 2), { event: 'checkout', label: 'Paid' }], window: { value: 1, unit: 'day' } },
    // Medians: 2, 4, 6 min → 4 min; 10, 20 min → 15 min.
    entrants: [4, 3, 2], medians: [null, 4 * MIN, 15 * MIN],
  },
  // nc-1's first view cannot reach its cart (70 min); its second view does, 20 min before.
  // nc-2's cart is 61 min late; nc-b's is exactly at the boundary, which is included.
  { name: 'a later step-1 event starts a new chain', ...around(9), definition: { steps: three.slice(0, 2), window: hour }, entrants: [3, 2], medians: [null, 40 * MIN] },
  { name: 'new chains in strict_order', ...around(9), definition: { steps: three.slice(0, 2), window: hour, mode: 'strict_order' } },
  { name: 'counted by person', ...around(12), definition: { steps: three, window: { value: 1, unit: 'day' } }, entrants: [1, 1, 1] },
  { name: 'counted by session', ...around(12), definition: { steps: three, window: { value: 1, unit: 'day' }, countBy: 'session' }, entrants: [1, 1, 0] },
  {
    name: 'breakdown by channel', ...around(15, 2 * DAY), definition: { steps: three, window: { value: 1, unit: 'day' }, breakdown: 'channel' },
    entrants: [3, 2, 1], groups: [['Direct', [1, 1, 1]], ['Email', [1, 1, 0]], ['Paid Search', [1, 0, 0]]],
  },
  ...(['campaign', 'source_medium', 'device_type', 'browser', 'os', 'prop:category'] as const).map((breakdown): Scenario => ({
    name: `breakdown by ${breakdown}`, ...around(15, 2 * DAY), definition: { steps: three, window: { value: 1, unit: 'day' }, breakdown },
  })),
  { name: 'breakdown by a property of strings, numbers and booleans', ...around(20), definition: { steps: [{ event: 'probe' }, { event: 'checkout' }], breakdown: 'prop:val' } },
  probe('eq a string', { prop: 'val', op: 'eq', value: 'pro' }, [1, 1]),
  probe('eq digits as a string', { prop: 'val', op: 'eq', value: '100' }, [1, 1]),
  // The number 100 only: not the string "100" nor "100.0".
  probe('eq a number', { prop: 'val', op: 'eq', value: 100 }, [1, 1]),
  probe('eq a real', { prop: 'val', op: 'eq', value: 100.5 }),
  // true and the number 1 (json_extract reads true as 1).
  probe('eq true', { prop: 'val', op: 'eq', value: true }, [2, 2]),
  probe('eq false', { prop: 'val', op: 'eq', value: false }, [2, 2]),
  probe('eq 1', { prop: 'val', op: 'eq', value: 1 }, [2, 2]),
  probe('eq the empty string', { prop: 'val', op: 'eq', value: '' }, [1, 1]),
  probe('eq "true"', { prop: 'val', op: 'eq', value: 'true' }, [1, 1]),
  probe('eq a string with a quote and a backslash', { prop: 'val', op: 'eq', value: 'a"b\\c' }, [1, 1]),
  probe('eq an emoji', { prop: 'val', op: 'eq', value: '😀' }, [1, 1]),
  probe('eq 1e21', { prop: 'val', op: 'eq', value: 1e21 }, [1, 1]),
  probe('eq a large integer', { prop: 'val', op: 'eq', value: 12345678901234567000 }, [1, 1]),
  // 24 probes, 23 of them not "pro" (null and missing ones included: IS NOT).
  probe('neq a string', { prop: 'val', op: 'neq', value: 'pro' }, [23, 23]),
  probe('neq a number', { prop: 'val', op: 'neq', value: 100 }),
  probe('neq true', { prop: 'val', op: 'neq', value: true }),
  probe('in mixed values', { prop: 'val', op: 'in', value: ['pro', 100, true] }, [4, 4]),
  probe('in other values', { prop: 'val', op: 'in', value: ['100', 0, 'Pro', false] }),
  ...['r', '0', '1', '', '中', '"', '.', 'e', '+', '-0'].map((value) => probe(`contains "${value}"`, { prop: 'val', op: 'contains', value })),
  // gt 0: 100, 100.5, 1, true, 0.00001, 1e21, 12.25, 1.5e-7 and the large integer.
  probe('gt 0', { prop: 'val', op: 'gt', value: 0 }, [9, 9]),
  probe('gt 99.5', { prop: 'val', op: 'gt', value: 99.5 }),
  probe('lt 1', { prop: 'val', op: 'lt', value: 1 }),
  probe('lt -1', { prop: 'val', op: 'lt', value: -1 }, [1, 1]),
  // A TEXT column compares a number as SQLite's text of a REAL: 100 reads '100.0'.
  column('$title eq 100', 'page_view', { prop: '$title', op: 'eq', value: 100 }, [1, 1]),
  column('$title eq "100"', 'page_view', { prop: '$title', op: 'eq', value: '100' }, [1, 1]),
  column('$title neq 100', 'page_view', { prop: '$title', op: 'neq', value: 100 }),
  column('$title in [100, "2024"]', 'page_view', { prop: '$title', op: 'in', value: [100, '2024'] }, [1, 1]),
  column('$title contains "0"', 'page_view', { prop: '$title', op: 'contains', value: '0' }),
  column('$title gt 5', 'page_view', { prop: '$title', op: 'gt', value: 5 }),
  column('$path eq', 'page_view', { prop: '$path', op: 'eq', value: '/t3' }, [1, 1]),
  column('$channel eq', 'page_view', { prop: '$channel', op: 'eq', value: 'Direct' }),
  column('$utm_campaign eq 2024', 'page_view', { prop: '$utm_campaign', op: 'eq', value: 2024 }),
  column('$utm_campaign eq "2024"', 'page_view', { prop: '$utm_campaign', op: 'eq', value: '2024' }, [1, 1]),
  column('$revenue eq "25"', 'conversion', { prop: '$revenue', op: 'eq', value: '25' }, [1, 1]),
  column('$revenue eq "abc"', 'conversion', { prop: '$revenue', op: 'neq', value: 'abc' }, [3, 3]),
  column('$revenue gt 20', 'conversion', { prop: '$revenue', op: 'gt', value: 20 }, [2, 2]),
  column('$revenue in ["25", 100]', 'conversion', { prop: '$revenue', op: 'in', value: ['25', 100] }, [2, 2]),
  // SQLite's text of a REAL: 25.0, 19.99, 100.0.
  column('$revenue contains ".0"', 'conversion', { prop: '$revenue', op: 'contains', value: '.0' }, [2, 2]),
  // 1003 → 1009 → 1007 → 1010: 1007 is exactly 47 h after 1003, 1010 70 h after.
  ...([[90, 'day', [1, 1, 1, 1]], [47, 'hour', [1, 1, 1, 0]], [46, 'hour', [1, 1, 0, 0]]] as const).map(([value, unit, expected]): Scenario => ({
    name: `the window boundary is included: ${value} ${unit}s`, from: Date.UTC(2019, 0, 28), to: Date.UTC(2019, 1, 2),
    definition: { steps: ['event_1003', 'event_1009', 'event_1007', 'event_1010'].map((event) => ({ event })), window: { value, unit } },
    entrants: [...expected],
  })),
  // long-1: steps 30 and 59 days after step 1; fit-1: 10 and 20 days.
  {
    name: 'long span, 90-day window', ...around(100), definition: { steps: three, window: { value: 90, unit: 'day' } },
    entrants: [2, 2, 2], medians: [null, 20 * DAY, 39.5 * DAY],
  },
  // Seconds × steps of a range this long do not fit windowFunnel's Int32: the arrays alone.
  { name: 'a range of 41 years', from: Date.UTC(1990, 0, 1), to: Date.UTC(2031, 0, 1), definition: { steps: three.slice(0, 2), window: { value: 1, unit: 'day' } } },
  // Only the 26th start reaches the cart.
  { name: 'many visits, 1-day window', from: at(110) - HOUR, to: at(161), definition: { steps: three.slice(0, 2), window: { value: 1, unit: 'day' } }, entrants: [1, 1], medians: [null, HOUR] },
  { name: 'cross-device person', ...around(40), definition: { steps: three.slice(0, 2), window: hour }, entrants: [6, 6], medians: [null, 5 * MIN] },
  shop('default, 1 hour', { steps: three, window: hour }),
  shop('strict_order, 2 days', { steps: three, window: { value: 2, unit: 'day' }, mode: 'strict_order' }),
  shop('strict_increase by session', { steps: three, window: { value: 2, unit: 'day' }, mode: 'strict_increase', countBy: 'session' }),
  shop('exclusion and breakdown by category', { steps: three, window: { value: 1, unit: 'day' }, exclusions: [{ event: 'remove_from_cart', between: [2, 3] }], breakdown: 'prop:category' }),
  shop('pricing page first, by channel', { steps: [{ event: 'page_view', filters: [{ prop: '$path', op: 'eq', value: '/pricing' }] }, ...three], window: { value: 3, unit: 'day' }, breakdown: 'channel' }),
  shop('strict_order with an exclusion', { steps: three, window: { value: 1, unit: 'day' }, mode: 'strict_order', exclusions: [{ event: 'remove_from_cart' }] }),
  shop('one event name on two steps', { steps: [{ event: 'view_product' }, { event: 'view_product' }, { event: 'add_to_cart' }], window: { value: 1, unit: 'day' } }),
  shop('price filter, strict_increase', { steps: [{ event: 'view_product', filters: [{ prop: 'price', op: 'gt', value: 50 }] }, ...three.slice(1)], window: { value: 1, unit: 'day' }, mode: 'strict_increase' }),
  shop('by session, breakdown by price', { steps: three, window: { value: 2, unit: 'hour' }, countBy: 'session', breakdown: 'prop:price' }),
];

let tc: TestCollector;
let single: ClickHouseCluster;
let sharded: ClickHouseCluster;
let ch: ClickHouseDb;
let chCluster: ClickHouseDb;

beforeAll(async () => {
  [single, sharded, tc] = await Promise.all([
    startClickHouse(),
    startClickHouseCluster(2),
    // warn mode stores the probe properties whatever their type.
    startTestCollector({ dictionary: { ...analyticsDictionary(), mode: 'warn' } }),
  ]);
  for (const b of seed()) await send(tc, b.events, b.headers);
  // One report refreshes the derived rows (persons, sessions) that are then copied.
  await sqliteReport(SCENARIOS[0]);
  ch = new ClickHouseDb({ urls: [single.servers[0].httpUrl], database: 'maidian', cluster: null });
  chCluster = new ClickHouseDb({ urls: sharded.servers.map((s) => s.httpUrl), database: 'maidian', cluster: sharded.cluster });
  for (const db of [ch, chCluster]) {
    await migrateClickHouse(db);
    await copyDerived(tc.dbPath, db);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([ch?.close(), chCluster?.close()]);
  await Promise.all([tc?.stop(), single?.stop(), sharded?.stop()]);
});

const iso = (ms: number) => new Date(ms).toISOString();

/** The SQLite engine's answer, through the HTTP route (which refreshes derived rows first). */
async function sqliteReport(s: Scenario): Promise<FunnelReport> {
  const res = await tc.post('/v1/funnels/query', { site: 'shop', from: iso(s.from), to: iso(s.to), ...s.definition }, { authorization: `Bearer ${READ_TOKEN}` });
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
  const { site: _site, from: _from, to: _to, range: _range, ...report } = res.body;
  return report;
}

const sqliteReports = new Map<string, Promise<FunnelReport>>();
/** The SQLite report of a scenario, asked once. */
function expectedReport(s: Scenario): Promise<FunnelReport> {
  if (!sqliteReports.has(s.name)) sqliteReports.set(s.name, sqliteReport(s));
  return sqliteReports.get(s.name)!;
}

const query = (s: Scenario) => ({ site: 'shop', from: s.from, to: s.to, definition: FunnelDefinition.parse(s.definition) });
const entrants = (r: { steps: { entrants: number }[] }) => r.steps.map((s) => s.entrants);

describe('the ClickHouse funnel gives the SQLite engine\'s report', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const expected = await expectedReport(s);
    const got = await getFunnel(ch, query(s));
    expect(got).toEqual(expected);
    if (s.entrants) expect(entrants(got)).toEqual(s.entrants);
    if (s.medians) expect(got.steps.map((x) => x.medianTimeToConvertMs)).toEqual(s.medians);
    if (s.groups) expect(got.groups?.map((g) => [g.value, entrants(g)])).toEqual(s.groups);
    // Without windowFunnel's first pass, the array program alone gives the same report.
    expect(await getFunnel(ch, query(s), { windowFunnel: false })).toEqual(expected);
  });
});

describe('on a cluster of two shards (Distributed tables, sharded by visitor)', () => {
  it('has persons whose two devices sit on different shards', async () => {
    const perShard = await Promise.all(chCluster.clients.map(async (client) => {
      const res = await client.query({ query: "SELECT DISTINCT person_id FROM maidian.events_local WHERE anonymous_id LIKE 'xd-%'", format: 'JSONEachRow' });
      return new Set((await res.json<{ person_id: string }>()).map((r) => r.person_id));
    }));
    expect([...perShard[0]].filter((p) => perShard[1].has(p)).length).toBeGreaterThan(0);
  });

  // Conditions are per event, so of the property scenarios one stands for the rest.
  const onCluster = SCENARIOS.filter((s) => !/^(property|column) /.test(s.name) || s.name === 'property in mixed values');
  it.each(onCluster.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    expect(await getFunnel(chCluster, query(s))).toEqual(await expectedReport(s));
  });
});
