import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { seedShopHistory } from './report-fixtures.js';

// The story is in report-fixtures.ts. Range: days 1–6 in Shanghai.
let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
  await seedShopHistory(c);
});
afterAll(async () => { await c.stop(); });

const get = (path: string, token = READ_TOKEN) => c.get(path, token);
const range = 'site=shop&from=2026-03-01&to=2026-03-06';

describe('GET /v1/reports/channels', () => {
  it('groups sessions by channel with users, conversions, conversion rate and revenue per currency', async () => {
    const res = await get(`/v1/reports/channels?${range}&by=channel`);
    expect(res.status).toBe(200);
    expect(res.body.range).toEqual({ start: '2026-02-28T16:00:00.000Z', end: '2026-03-06T16:00:00.000Z', timezone: 'Asia/Shanghai' });
    // Engaged (≥ 10 s, a conversion, or ≥ 2 page views): P2a (logs in a minute after landing),
    // P2b, P4 and P1's day-5 visit (they convert); the other four are one-page, zero-length visits.
    expect(res.body.rows).toEqual([
      // Direct: P1 day 3, P2 day 4 (device b), P3 day 4, P4 day 6 = 4 sessions of 4 people;
      // P2's 50 CNY and P4's 20 USD were bought in direct sessions → 2 converting, rate 2/4.
      // Engaged: P2b and P4 → 2 of 4, bounce rate (4 − 2) / 4 = 0.5.
      { key: 'Direct', sessions: 4, users: 4, engagedSessions: 2, bounceRate: 0.5, conversions: 2, convertingSessions: 2, conversionRate: 0.5, revenue: [{ currency: 'CNY', amount: 50 }, { currency: 'USD', amount: 20 }] },
      // Paid Search: P1 day 1 and P2 day 2 (the crawler's visit is not counted); no purchase.
      // Engaged: P2a only → bounce rate (2 − 1) / 2 = 0.5.
      { key: 'Paid Search', sessions: 2, users: 2, engagedSessions: 1, bounceRate: 0.5, conversions: 0, convertingSessions: 0, conversionRate: 0, revenue: [] },
      // Email: P1 day 5, order o-1 counted once although sent twice: 300 CNY.
      { key: 'Email', sessions: 1, users: 1, engagedSessions: 1, bounceRate: 0, conversions: 1, convertingSessions: 1, conversionRate: 1, revenue: [{ currency: 'CNY', amount: 300 }] },
      // Organic Search: P3 day 2 from www.baidu.com.
      { key: 'Organic Search', sessions: 1, users: 1, engagedSessions: 0, bounceRate: 1, conversions: 0, convertingSessions: 0, conversionRate: 0, revenue: [] },
    ]);
  });

  it('groups by source / medium and by campaign', async () => {
    const bySm = await get(`/v1/reports/channels?${range}&by=source_medium`);
    expect(bySm.body.rows.map((r: any) => [r.key, r.sessions, r.conversions])).toEqual([
      ['(direct) / (none)', 4, 2],
      ['baidu / cpc', 2, 0],
      ['baidu / organic', 1, 0],
      ['newsletter / email', 1, 1],
    ]);
    const byCampaign = await get(`/v1/reports/channels?${range}&by=campaign`);
    // Direct sessions have the campaign "(direct)"; the organic visit has none: "(not set)".
    expect(byCampaign.body.rows.map((r: any) => [r.key, r.sessions, r.users])).toEqual([
      ['(direct)', 4, 4],
      ['spring', 2, 2],
      ['(not set)', 1, 1],
      ['march-news', 1, 1],
    ]);
  });

  it('counts a person once across devices', async () => {
    // Sessions that started on days 2–4, by landing page. "/": P2 device a (day 2), P3 (day 2),
    // P1 (day 3), P2 device b (day 4) = 4 sessions of 3 people (P2 counts once: both devices
    // logged in as u-2); 4 page views; P2's 50 CNY purchase on device b. Engaged: P2a (a minute
    // to log in) and P2b (buys) → 2 of 4, bounce rate 0.5.
    const res = await get('/v1/reports/breakdown?site=shop&from=2026-03-02&to=2026-03-04&dimension=landing_page');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { key: '/', sessions: 4, users: 3, pageviews: 4, engagedSessions: 2, bounceRate: 0.5, conversions: 1, convertingSessions: 1, conversionRate: 0.25, revenue: [{ currency: 'CNY', amount: 50 }] },
      // P3's day-4 visit landed on /pricing.
      { key: '/pricing', sessions: 1, users: 1, pageviews: 1, engagedSessions: 0, bounceRate: 1, conversions: 0, convertingSessions: 0, conversionRate: 0, revenue: [] },
    ]);
  });
});

describe('GET /v1/reports/breakdown', () => {
  it('breaks down by device type and sorts by the chosen metric', async () => {
    // Every visit used desktop Chrome (the test client's user agent): 8 sessions, 4 people,
    // page views 3 (P1) + 2 (P2) + 2 (P3) + 1 (P4) = 8, conversions 300 CNY, 50 CNY, 20 USD.
    // Engaged: P1 day 5, P2a, P2b, P4 → 4 of 8, bounce rate 0.5.
    const res = await get(`/v1/reports/breakdown?${range}&dimension=device_type&metric=revenue&currency=CNY`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { key: 'desktop', sessions: 8, users: 4, pageviews: 8, engagedSessions: 4, bounceRate: 0.5, conversions: 3, convertingSessions: 3, conversionRate: 3 / 8, revenue: [{ currency: 'CNY', amount: 350 }, { currency: 'USD', amount: 20 }] },
    ]);
  });

  it('breaks down by an event property, passing the name as a parameter', async () => {
    // order_id is a property of P1's conversions only: one session, one person, one counted
    // conversion (the repeat of o-1 is not counted), 300 CNY; the session converts, so it is engaged.
    const res = await get(`/v1/reports/breakdown?${range}&dimension=prop:order_id`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { key: 'o-1', sessions: 1, users: 1, pageviews: 0, engagedSessions: 1, bounceRate: 0, conversions: 1, convertingSessions: 1, conversionRate: 1, revenue: [{ currency: 'CNY', amount: 300 }] },
    ]);
  });

  it('refuses a property name that is not a NAME, and revenue sorting without a currency', async () => {
    const bad = await get(`/v1/reports/breakdown?${range}&dimension=${encodeURIComponent('prop:x") OR 1=1 --')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ path: '/query/dimension' });
    const noCurrency = await get(`/v1/reports/breakdown?${range}&dimension=os&metric=revenue`);
    expect(noCurrency.status).toBe(400);
    expect(noCurrency.body.error.issues).toEqual([{ path: '/query/currency', message: 'required with metric=revenue', expected: 'an ISO 4217 code, e.g. CNY' }]);
  });

  it('needs a read token of the site', async () => {
    expect((await c.get(`/v1/reports/breakdown?${range}&dimension=os`)).status).toBe(401);
    expect((await get(`/v1/reports/channels?site=nope&from=2026-03-01&to=2026-03-06`, 'read-token-0123456789')).status).toBe(403);
  });
});

describe('GET /v1/metrics', () => {
  it('serves the metric dictionary without a token', async () => {
    const res = await c.get('/v1/metrics');
    expect(res.status).toBe(200);
    const roi = res.body.metrics.find((m: any) => m.id === 'roi');
    expect(roi).toMatchObject({ kind: 'derived', formula: '(revenue − cost) / cost', inputs: ['revenue', 'cost'] });
  });
});
