import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { DAY, HOUR, MIN, send, startAnalyticsCollector, visitor } from './funnel-fixtures.js';

let c: TestCollector;
beforeEach(async () => { c = await startAnalyticsCollector(); });
afterEach(async () => { await c.stop(); });

const query = (body: object, token = READ_TOKEN) =>
  c.post('/v1/funnels/query', body, token ? { authorization: `Bearer ${token}` } : {});
const entrants = (res: { body: any }) => res.body.steps.map((s: any) => s.entrants);
const three = [{ event: 'view_product' }, { event: 'add_to_cart' }, { event: 'checkout' }];
// 10:00 on 2024-05-01 in Shanghai (the site's time zone); ranges below cover the whole day.
const T = Date.UTC(2024, 4, 1, 2);
const may = { site: 'shop', from: '2024-05-01', to: '2024-05-02' };

describe('ClickHouse windowFunnel documentation example, through ingest', () => {
  // User 1: event 1003 on 29 Jan 10:00, 1007 on 31 Jan 09:00, 1009 on 30 Jan 08:00 and 1010 on
  // 1 Feb 08:00 (sent in this order, as the docs list them). Funnel 1003 → 1009 → 1007 → 1010.
  const at = (d: number, h: number) => Date.UTC(2019, 0, d, h);
  const funnel = (window: object) => query({
    site: 'shop', from: '2019-01-28', to: '2019-02-02', window,
    steps: [{ event: 'event_1003' }, { event: 'event_1009' }, { event: 'event_1007' }, { event: 'event_1010' }],
  });
  beforeEach(async () => {
    const u = visitor('user-1');
    await send(c, [u.event(at(29, 10), 'event_1003'), u.event(at(31, 9), 'event_1007'), u.event(at(30, 8), 'event_1009'), u.event(at(32, 8), 'event_1010')]);
  });

  it('reaches level 4 with a window longer than the story', async () => {
    const res = await funnel({ value: 90, unit: 'day' });
    expect(res.status).toBe(200);
    expect(entrants(res)).toEqual([1, 1, 1, 1]);
  });
  it('includes the boundary: 1007 is exactly 47 h after 1003', async () => {
    // 29 Jan 10:00 → 31 Jan 09:00 = 48 h − 1 h = 47 h; 1010 (1 Feb 08:00) is 70 h after.
    expect(entrants(await funnel({ value: 47, unit: 'hour' }))).toEqual([1, 1, 1, 0]);
    // With 46 h, 1009 (22 h after) still fits, 1007 does not.
    expect(entrants(await funnel({ value: 46, unit: 'hour' }))).toEqual([1, 1, 0, 0]);
  });
});

describe('modes', () => {
  beforeEach(async () => {
    const a = visitor('a');
    const b = visitor('b');
    const d = visitor('d');
    await send(c, [
      // a: another event (a page view) comes between step 1 and step 2.
      a.event(T, 'view_product'), a.page(T + MIN, '/help'), a.event(T + 2 * MIN, 'add_to_cart'), a.event(T + 3 * MIN, 'checkout'),
      // b: step 2 at the very same millisecond as step 1.
      b.event(T, 'view_product'), b.event(T, 'add_to_cart'), b.event(T + MIN, 'checkout'),
      // d: a clean run.
      d.event(T, 'view_product'), d.event(T + MIN, 'add_to_cart'), d.event(T + 2 * MIN, 'checkout'),
    ]);
  });
  const run = (mode: string) => query({ ...may, steps: three, window: { value: 1, unit: 'hour' }, mode });

  it('default lets other events come between steps and orders equal times by step', async () => {
    // a 3, b 3, d 3.
    expect(entrants(await run('default'))).toEqual([3, 3, 3]);
  });
  it('strict_order stops at any other event once the chain has started', async () => {
    // a stops at the page view after step 1 → 1; b 3; d 3 → [3, 2, 2].
    expect(entrants(await run('strict_order'))).toEqual([3, 2, 2]);
  });
  it('strict_increase needs each step strictly later than the previous one', async () => {
    // b's add_to_cart is not later than its view → b stays at 1; a 3; d 3 → [3, 2, 2].
    expect(entrants(await run('strict_increase'))).toEqual([3, 2, 2]);
  });
});

describe('exclusions', () => {
  beforeEach(async () => {
    const d = visitor('d');
    const e = visitor('e');
    const f = visitor('f');
    await send(c, [
      d.event(T, 'view_product'), d.event(T + MIN, 'add_to_cart'), d.event(T + 2 * MIN, 'remove_from_cart'), d.event(T + 3 * MIN, 'checkout'),
      e.event(T, 'view_product'), e.event(T + MIN, 'remove_from_cart'), e.event(T + 2 * MIN, 'add_to_cart'), e.event(T + 3 * MIN, 'checkout'),
      f.event(T, 'view_product'), f.event(T + MIN, 'add_to_cart'), f.event(T + 2 * MIN, 'checkout'), f.event(T + 3 * MIN, 'remove_from_cart'),
    ]);
  });
  const run = (exclusions?: object[]) => query({ ...may, steps: three, window: { value: 1, unit: 'hour' }, exclusions });

  it('without exclusions everyone converts', async () => {
    expect(entrants(await run())).toEqual([3, 3, 3]);
  });
  it('between steps 2 and 3 only breaks chains waiting for step 3', async () => {
    // d: removal after the cart → stays at 2. e: removal before the cart (chain at step 1, not
    // in [2, 3)) → 3. f: removal after checkout → 3. Entrants [3, 3, 2].
    expect(entrants(await run([{ event: 'remove_from_cart', between: [2, 3] }]))).toEqual([3, 3, 2]);
  });
  it('over the whole funnel by default', async () => {
    // d → 2; e's chain breaks at step 1 → 1; f → 3. Entrants [3, 2, 1].
    expect(entrants(await run([{ event: 'remove_from_cart' }]))).toEqual([3, 2, 1]);
  });
});

describe('figures per step', () => {
  it('computes conversion, drop-off and median time to convert by hand', async () => {
    const [j, k, l, m] = ['j', 'k', 'l', 'm'].map((id) => visitor(id));
    await send(c, [
      j.event(T, 'view_product'), j.event(T + 2 * MIN, 'add_to_cart'), j.event(T + 10 * MIN, 'checkout'),
      k.event(T, 'view_product'), k.event(T + 4 * MIN, 'add_to_cart'), k.event(T + 20 * MIN, 'checkout'),
      l.event(T, 'view_product'), l.event(T + 6 * MIN, 'add_to_cart'),
      m.event(T, 'view_product'),
    ]);
    const res = await query({ ...may, steps: [...three.slice(0, 2), { event: 'checkout', label: 'Paid' }], window: { value: 1, unit: 'day' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ site: 'shop', countBy: 'person', mode: 'default', breakdown: null, range: { timezone: 'Asia/Shanghai' } });
    expect(res.body.steps).toEqual([
      // 4 persons view; step 1 has no time to convert.
      { step: 1, event: 'view_product', entrants: 4, conversionFromFirst: 1, conversionFromPrevious: 1, dropOff: 0, medianTimeToConvertMs: null },
      // j, k, l add to cart: 3/4 = 0.75; median of 2, 4, 6 min = 4 min.
      { step: 2, event: 'add_to_cart', entrants: 3, conversionFromFirst: 0.75, conversionFromPrevious: 0.75, dropOff: 1, medianTimeToConvertMs: 4 * MIN },
      // j, k check out: 2/4 = 0.5, 2/3 from the cart; median of 10 and 20 min = 15 min.
      { step: 3, event: 'checkout', label: 'Paid', entrants: 2, conversionFromFirst: 0.5, conversionFromPrevious: 2 / 3, dropOff: 1, medianTimeToConvertMs: 15 * MIN },
    ]);
  });

  it('filters steps on properties and built-in columns', async () => {
    const [p, q, r] = ['p', 'q', 'r'].map((id) => visitor(id));
    await send(c, [
      p.page(T, '/pricing'), p.event(T + MIN, 'signup', { plan: 'pro' }),
      q.page(T, '/pricing'), q.event(T + MIN, 'signup', { plan: 'basic' }),
      r.page(T, '/about'), r.event(T + MIN, 'signup', { plan: 'pro' }),
    ]);
    const steps = (planFilter: object) => [
      { event: 'page_view', filters: [{ prop: '$path', op: 'eq', value: '/pricing' }] },
      { event: 'signup', filters: [planFilter] },
    ];
    // Step 1 is p and q (r saw /about). p signed up for pro, q for basic.
    expect(entrants(await query({ ...may, steps: steps({ prop: 'plan', op: 'eq', value: 'pro' }) }))).toEqual([2, 1]);
    expect(entrants(await query({ ...may, steps: steps({ prop: 'plan', op: 'neq', value: 'pro' }) }))).toEqual([2, 1]);
    expect(entrants(await query({ ...may, steps: steps({ prop: 'plan', op: 'in', value: ['pro', 'basic'] }) }))).toEqual([2, 2]);
    expect(entrants(await query({ ...may, steps: steps({ prop: 'plan', op: 'contains', value: 'as' }) }))).toEqual([2, 1]);
  });

  it('compares numbers with gt and lt, never text', async () => {
    const [p, q] = ['p', 'q'].map((id) => visitor(id));
    await send(c, [
      p.event(T, 'view_product', { price: 150 }), p.event(T + MIN, 'add_to_cart', { sku: 'x', price: 150 }),
      q.event(T, 'view_product', { price: 50 }), q.event(T + MIN, 'add_to_cart', { sku: 'y', price: 50 }),
    ]);
    const run = (op: string, value: unknown) => query({ ...may, steps: [{ event: 'view_product', filters: [{ prop: 'price', op, value }] }, { event: 'add_to_cart' }] });
    expect(entrants(await run('gt', 100))).toEqual([1, 1]);
    expect(entrants(await run('lt', 100))).toEqual([1, 1]);
    expect(entrants(await run('gt', 10))).toEqual([2, 2]);
  });
});

describe('counting by session or by person', () => {
  it('a funnel across two sessions counts for the person but not for either session', async () => {
    const n = visitor('n');
    // Session 1: view and cart. Two hours later (past the 30-min idle limit) session 2: checkout.
    await send(c, [n.event(T, 'view_product'), n.event(T + MIN, 'add_to_cart'), n.event(T + 2 * HOUR, 'checkout')]);
    const run = (countBy: string) => query({ ...may, steps: three, window: { value: 1, unit: 'day' }, countBy });
    expect(entrants(await run('person'))).toEqual([1, 1, 1]);
    // Session 1 reaches step 2; session 2 has no step 1 and is not counted.
    expect(entrants(await run('session'))).toEqual([1, 1, 0]);
  });
});

describe('breakdown at step 1', () => {
  it('takes the channel of the session of the chain\'s step-1 event', async () => {
    const baidu = { utm_source: 'baidu', utm_medium: 'cpc' };
    const email = { utm_source: 'newsletter', utm_medium: 'email' };
    const [g, h, i] = ['g', 'h', 'i'].map((id) => visitor(id));
    await send(c, [
      // g: day 1 from a Baidu ad, views only; day 2 comes back directly and buys. The window is
      // 1 day, so day 1's view cannot reach day 2's cart: the converting chain starts on day 2,
      // in a Direct session.
      g.landing(T, '/', baidu), g.event(T + MIN, 'view_product'),
      g.event(T + DAY, 'view_product'), g.event(T + DAY + 5 * MIN, 'add_to_cart'), g.event(T + DAY + 10 * MIN, 'checkout'),
      // h: from the newsletter, views and adds to cart.
      h.landing(T, '/', email), h.event(T + MIN, 'view_product'), h.event(T + 2 * MIN, 'add_to_cart'),
      // i: from a Baidu ad, views only.
      i.landing(T, '/', baidu), i.event(T + MIN, 'view_product'),
    ]);
    const res = await query({ site: 'shop', from: '2024-05-01', to: '2024-05-02', steps: three, window: { value: 1, unit: 'day' }, breakdown: 'channel' });
    expect(res.status).toBe(200);
    expect(entrants(res)).toEqual([3, 2, 1]);
    // Groups tie at one entrant each, so they are sorted by name.
    expect(res.body.groups.map((gr: any) => [gr.value, gr.steps.map((s: any) => s.entrants)])).toEqual([
      ['Direct', [1, 1, 1]],
      ['Email', [1, 1, 0]],
      ['Paid Search', [1, 0, 0]],
    ]);
  });

  it('breaks down by a property of the step-1 event', async () => {
    const [p, q, r] = ['p', 'q', 'r'].map((id) => visitor(id));
    await send(c, [
      p.event(T, 'view_product', { category: 'shoes' }), p.event(T + MIN, 'add_to_cart', { sku: 's1' }),
      q.event(T, 'view_product', { category: 'shoes' }),
      r.event(T, 'view_product'), r.event(T + MIN, 'add_to_cart', { sku: 's2' }),
    ]);
    const res = await query({ ...may, steps: three.slice(0, 2), breakdown: 'prop:category' });
    // shoes: p and q enter, p adds to cart; r has no category → "(not set)".
    expect(res.body.groups.map((gr: any) => [gr.value, gr.steps.map((s: any) => s.entrants)])).toEqual([
      ['shoes', [2, 1]],
      ['(not set)', [1, 1]],
    ]);
  });
});

describe('what is counted', () => {
  it('leaves out bots and step-1 events outside the range, but lets later steps run past it', async () => {
    const late = visitor('late');
    const early = visitor('early');
    const human = visitor('human');
    // 23:50 on May 1 in Shanghai (15:50 UTC): step 1 inside the day, step 2 twenty minutes later, on May 2.
    const lateT = Date.UTC(2024, 4, 1, 15, 50);
    await send(c, [
      late.event(lateT, 'view_product'), late.event(lateT + 20 * MIN, 'add_to_cart'),
      early.event(Date.UTC(2024, 3, 30, 2), 'view_product'), early.event(T, 'add_to_cart'),
      human.event(T, 'view_product'),
    ]);
    const bot = visitor('crawler');
    await send(c, [bot.event(T, 'view_product'), bot.event(T + MIN, 'add_to_cart')], {
      'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    // late: 2 (its cart falls after the range but within the window); early: step 1 on April 30
    // is outside, so it is not counted at all; human: 1; the crawler is a bot → [2, 1].
    expect(entrants(await query({ ...may, to: '2024-05-01', steps: three.slice(0, 2) }))).toEqual([2, 1]);
  });
});
