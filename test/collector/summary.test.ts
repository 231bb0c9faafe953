import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, conversion, identify, pageView } from './helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from './helpers/test-collector.js';

// Site "shop" reports in Asia/Shanghai (UTC+8, no DST), so the day 2024-05-01 there is
// [2024-04-30T16:00:00Z, 2024-05-01T16:00:00Z).
const B = Date.UTC(2024, 4, 1, 2, 0, 0); // 10:00 on May 1 in Shanghai
const MIN = 60_000;
const HOUR = 60 * MIN;
const baiduCpc = { campaign: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'may' } };
const newsletter = { campaign: { utm_source: 'newsletter', utm_medium: 'email' } };
const web = (campaign?: object) => ({
  platform: 'web', library: { name: 'maidian-web', version: '0.1.0' }, ...(campaign ?? {}),
});

let c: TestCollector;

beforeAll(async () => {
  c = await startTestCollector();
  const A = { anonymousId: 'anon-a', sessionId: 's-a1' };
  const A2 = { anonymousId: 'anon-a', sessionId: 's-a2' };
  const Bv = { anonymousId: 'anon-b', sessionId: 's-b1' };
  const C = { anonymousId: 'anon-c', sessionId: 's-c1' };
  const G = { anonymousId: 'anon-g', sessionId: 's-g1' };
  const E = { anonymousId: 'anon-e', sessionId: 's-e1' };
  const F = { anonymousId: 'anon-f', sessionId: 's-f1' };
  const withCtx = (ev: any, ctx: object) => ({ ...ev, context: { ...ev.context, ...ctx } });
  const events = [
    // Visitor A, session a1, arrives from a Baidu ad (Paid Search) and buys order o-1 ...
    withCtx(pageView(B, '/', A), web(baiduCpc)),
    withCtx(pageView(B + MIN, '/pricing', A), web(baiduCpc)),
    withCtx(conversion(B + 2 * MIN, 100, 'CNY', A, { order_id: 'o-1' }), web(baiduCpc)),
    // ... and the thank-you page fires the same order again: it must count once.
    withCtx(conversion(B + 3 * MIN, 100, 'CNY', A, { order_id: 'o-1' }), web(baiduCpc)),
    // Visitor A comes back directly (session a2).
    pageView(B + 3 * HOUR, '/', A2),
    // Visitor B from the newsletter (Email) buys without an order id.
    withCtx(pageView(B + HOUR, '/pricing', Bv), web(newsletter)),
    withCtx(conversion(B + HOUR + MIN, 50, 'USD', Bv), web(newsletter)),
    // Visitor C, direct, views one page and logs in (identify is not a page view).
    pageView(B + 2 * HOUR, '/', C),
    identify(B + 2 * HOUR + MIN, 'user-c', {}, {}, C),
    // Visitor G at 00:01 on May 1 in Shanghai (still April 30 in UTC): inside the day.
    pageView(Date.UTC(2024, 3, 30, 16, 1), '/about', G),
    // Visitor E at 23:59 on April 30 in Shanghai, visitor F at 00:01 on May 2: outside.
    pageView(Date.UTC(2024, 3, 30, 15, 59), '/', E),
    pageView(Date.UTC(2024, 4, 1, 16, 1), '/', F),
  ];
  const res = await c.post('/v1/batch', batch(events, Date.now()));
  expect(res.body).toMatchObject({ accepted: events.length });
  // A crawler's page view inside the day: stored with is_bot = 1, excluded from every figure.
  const bot = pageView(B, '/', { anonymousId: 'anon-bot', sessionId: 's-bot' });
  const botRes = await c.post('/v1/batch', batch([bot], Date.now()), {
    'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
  expect(botRes.body).toMatchObject({ accepted: 1 });
});
afterAll(async () => { await c.stop(); });

const summary = (query: string, token = READ_TOKEN) => c.get(`/v1/stats/summary?${query}`, token);

describe('GET /v1/stats/summary', () => {
  it('computes the figures of a day in the site time zone', async () => {
    const res = await summary('site=shop&from=2024-05-01&to=2024-05-01');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      site: 'shop', from: '2024-05-01', to: '2024-05-01',
      range: { start: '2024-04-30T16:00:00.000Z', end: '2024-05-01T16:00:00.000Z', timezone: 'Asia/Shanghai' },
      // page views: a1 two (/ and /pricing) + a2 one + b1 one + c1 one + g1 one = 6 (bot, E, F excluded)
      pageviews: 6,
      // visitors: A, B, C, G = 4
      visitors: 4,
      // sessions: a1, a2, b1, c1, g1 = 5
      sessions: 5,
      // conversions: order o-1 once (its repeat is not counted) + B's = 2
      conversions: 2,
      // sessions with a conversion: a1 and b1 → 2 / 5
      conversionRate: 0.4,
      // currencies are kept apart: CNY 100 (o-1 once), USD 50
      revenue: [{ currency: 'CNY', amount: 100 }, { currency: 'USD', amount: 50 }],
      topPages: [
        { path: '/', pageviews: 3, visitors: 2 }, // a1, a2 (both A), c1 (C)
        { path: '/pricing', pageviews: 2, visitors: 2 }, // a1 (A), b1 (B)
        { path: '/about', pageviews: 1, visitors: 1 }, // g1 (G)
      ],
      topChannels: [
        // Direct: a2, c1, g1 → 3 sessions, visitors A, C, G, no conversions
        { channel: 'Direct', sessions: 3, visitors: 3, conversions: 0 },
        // Email (utm_medium=email) and Paid Search (baidu + cpc): one session and one conversion
        // each; ties are ordered by name.
        { channel: 'Email', sessions: 1, visitors: 1, conversions: 1 },
        { channel: 'Paid Search', sessions: 1, visitors: 1, conversions: 1 },
      ],
      // No batch reported SDK queue drops.
      clientDropped: 0,
    });
  });

  it('takes date-times as a half-open range', async () => {
    const res = await summary('site=shop&from=2024-05-01T10:00:00%2B08:00&to=2024-05-01T03:00:00Z');
    // [02:00Z, 03:00Z): a1's two page views and its conversion (the repeat is the same order);
    // b1 at exactly 03:00Z is outside.
    expect(res.body).toMatchObject({
      pageviews: 2, visitors: 1, sessions: 1, conversions: 1, conversionRate: 1,
      revenue: [{ currency: 'CNY', amount: 100 }],
      topChannels: [{ channel: 'Paid Search', sessions: 1, visitors: 1, conversions: 1 }],
    });
  });

  it('rejects bad queries with the place and what is allowed', async () => {
    const res = await summary('site=shop&from=May%201&to=2024-05-01');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: '/query/from' })]);
    const reversed = await summary('site=shop&from=2024-05-02&to=2024-05-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues[0].path).toBe('/query/to');
  });

  it('needs a read token for the site', async () => {
    expect((await summary('site=shop&from=2024-05-01&to=2024-05-01', '')).status).toBe(401);
    expect((await summary('site=shop&from=2024-05-01&to=2024-05-01', 'not-a-token-at-all')).status).toBe(401);
    const other = await summary('site=other&from=2024-05-01&to=2024-05-01');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('"shop"');
  });
});
