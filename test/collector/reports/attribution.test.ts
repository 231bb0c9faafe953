import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { seedShopHistory } from './report-fixtures.js';

// The story is in report-fixtures.ts. Conversions in days 1–6 (Shanghai), 30-day lookback:
//   P1: Paid Search (day 1) → Direct (day 3) → Email (day 5), buys 300 CNY on day 5 10:10
//   P2: Paid Search (day 2, device a) → Direct (day 4, device b), buys 50 CNY on day 4 10:10
//   P4: Direct (day 6), buys 20 USD
//   P3 (no purchase): Organic Search (day 2) → Direct (day 4)
let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
  await seedShopHistory(c);
});
afterAll(async () => { await c.stop(); });

const attribution = async (model: string, extra = '') => {
  const res = await c.get(`/v1/attribution?site=shop&from=2026-03-01&to=2026-03-06&by=channel&model=${model}${extra}`, READ_TOKEN);
  expect(res.status).toBe(200);
  return res.body;
};
const cny = (amount: number) => ({ currency: 'CNY', amount });
const usd = (amount: number) => ({ currency: 'USD', amount });
const totals = { conversions: 3, revenue: [cny(350), usd(20)] };
const none = { conversions: 0, revenue: [] };

/** Rows with money rounded to cents and conversions to 1e-6, so hand fractions compare. */
function rounded(rows: any[]) {
  return rows.map((r) => ({ key: r.key, conversions: Math.round(r.conversions * 1e6) / 1e6, revenue: r.revenue.map((m: any) => ({ currency: m.currency, amount: Math.round(m.amount * 100) / 100 })) }));
}
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const r2 = (x: number) => Math.round(x * 100) / 100;

describe('GET /v1/attribution', () => {
  it('first touch: everything to the oldest touch', async () => {
    const body = await attribution('first_touch');
    // P1 and P2 first came from Paid Search; P4's only touch is Direct.
    expect(body.rows).toEqual([
      { key: 'Direct', conversions: 1, revenue: [usd(20)] },
      { key: 'Paid Search', conversions: 2, revenue: [cny(350)] },
    ]);
    expect(body.unattributed).toEqual(none);
    expect(body.totals).toEqual(totals);
  });

  it('last touch and last non-direct touch', async () => {
    // Last touch: P1 → Email 300 CNY; P2 → Direct 50 CNY; P4 → Direct 20 USD.
    expect((await attribution('last_touch')).rows).toEqual([
      { key: 'Direct', conversions: 2, revenue: [cny(50), usd(20)] },
      { key: 'Email', conversions: 1, revenue: [cny(300)] },
    ]);
    // Last non-direct: P2's direct visit gives way to Paid Search; P4 has only direct → Direct.
    expect((await attribution('last_non_direct')).rows).toEqual([
      { key: 'Direct', conversions: 1, revenue: [usd(20)] },
      { key: 'Email', conversions: 1, revenue: [cny(300)] },
      { key: 'Paid Search', conversions: 1, revenue: [cny(50)] },
    ]);
  });

  it('linear: equal shares per conversion', async () => {
    // P1: 1/3 each → 100 CNY to Paid Search, Direct, Email. P2: 1/2 each → 25 CNY.
    // P4: 1 to Direct. Paid Search 1/3 + 1/2 = 5/6 (125 CNY); Direct 1/3 + 1/2 + 1 = 11/6
    // (125 CNY, 20 USD); Email 1/3 (100 CNY).
    expect(rounded((await attribution('linear')).rows)).toEqual([
      { key: 'Direct', conversions: r6(11 / 6), revenue: [cny(125), usd(20)] },
      { key: 'Email', conversions: r6(1 / 3), revenue: [cny(100)] },
      { key: 'Paid Search', conversions: r6(5 / 6), revenue: [cny(125)] },
    ]);
  });

  it('position-based: 40 / 20 / 40, and 50 / 50 for two touches', async () => {
    // P1: 0.4 · 300 = 120 Paid Search, 0.2 · 300 = 60 Direct, 120 Email. P2: 25 / 25.
    // Paid Search 0.4 + 0.5 = 0.9 (145 CNY); Direct 0.2 + 0.5 + 1 = 1.7 (85 CNY, 20 USD); Email 0.4.
    expect(rounded((await attribution('position_based')).rows)).toEqual([
      { key: 'Direct', conversions: 1.7, revenue: [cny(85), usd(20)] },
      { key: 'Email', conversions: 0.4, revenue: [cny(120)] },
      { key: 'Paid Search', conversions: 0.9, revenue: [cny(145)] },
    ]);
  });

  it('time decay with a 7-day half-life', async () => {
    // P1's touches are 4 d, 2 d and 0 d older than the latest (all 10 min before the purchase):
    // weights 2^(−4/7) ≈ 0.67295, 2^(−2/7) ≈ 0.82034, 1; sum ≈ 2.49329.
    // → Paid Search 300 · 0.67295 / 2.49329 ≈ 80.97, Direct ≈ 98.71, Email ≈ 120.32 CNY.
    // P2: 2^(−2/7) and 1, sum ≈ 1.82034 → Paid Search 50 · 0.45065 ≈ 22.53, Direct ≈ 27.47 CNY.
    const a = 2 ** (-4 / 7), b = 2 ** (-2 / 7), s1 = a + b + 1, s2 = b + 1;
    expect(rounded((await attribution('time_decay')).rows)).toEqual([
      { key: 'Direct', conversions: r6(b / s1 + 1 / s2 + 1), revenue: [cny(r2(300 * b / s1 + 50 / s2)), usd(20)] },
      { key: 'Email', conversions: r6(1 / s1), revenue: [cny(r2(300 / s1))] },
      { key: 'Paid Search', conversions: r6(a / s1 + b / s2), revenue: [cny(r2(300 * a / s1 + 50 * b / s2))] },
    ]);
    // A 1-day half-life weights the older touches far less: P2's Paid Search gets 2^(−2) / (1 + 2^(−2)) = 1/5.
    const fast = await attribution('time_decay', '&half_life_days=1');
    const ps = fast.rows.find((r: any) => r.key === 'Paid Search');
    expect(r6(ps.conversions)).toBe(r6(2 ** -4 / (2 ** -4 + 2 ** -2 + 1) + 1 / 5));
  });

  it('Markov: removal effects over converting and non-converting paths', async () => {
    // Paths: P1 PS→Direct→Email→conv, P2 PS→Direct→conv, P4 Direct→conv, P3 OS→Direct→null.
    // From start: PS 2/4, OS 1/4, Direct 1/4; PS→Direct, OS→Direct always;
    // Direct → Email 1/4, conv 2/4, null 1/4; Email → conv. P(conv | Direct) = 1/4 + 2/4 = 3/4,
    // P(conv) = 3/4. Removing PS: (1/4 + 1/4) · 3/4 = 3/8 → effect 1/2. Removing OS: 3/4 · 3/4 =
    // 9/16 → 1/4. Removing Direct: 0 → 1. Removing Email: P(conv | Direct) = 1/2 → P = 1/2 → 1/3.
    // Sum 25/12; shares PS 6/25, OS 3/25, Direct 12/25, Email 4/25 of 3 conversions, 350 CNY, 20 USD.
    const body = await attribution('markov');
    expect(rounded(body.rows)).toEqual([
      { key: 'Direct', conversions: r6(36 / 25), revenue: [cny(168), usd(9.6)] },
      { key: 'Email', conversions: r6(12 / 25), revenue: [cny(56), usd(3.2)] },
      { key: 'Organic Search', conversions: r6(9 / 25), revenue: [cny(42), usd(2.4)] },
      { key: 'Paid Search', conversions: r6(18 / 25), revenue: [cny(84), usd(4.8)] },
    ]);
    expect(body.totals).toEqual(totals);
  });

  it('Shapley: credits sum to the totals, per currency', async () => {
    const body = await attribution('shapley');
    const sum = (currency: string) => body.rows.reduce((t: number, r: any) => t + (r.revenue.find((m: any) => m.currency === currency)?.amount ?? 0), 0);
    expect(body.rows.reduce((t: number, r: any) => t + r.conversions, 0)).toBeCloseTo(3, 6);
    expect(sum('CNY')).toBeCloseTo(350, 3);
    expect(sum('USD')).toBeCloseTo(20, 3);
  });

  it('groups by campaign and by source / medium', async () => {
    const body = await (await c.get('/v1/attribution?site=shop&from=2026-03-01&to=2026-03-06&by=campaign&model=first_touch', READ_TOKEN)).body;
    expect(body.rows).toEqual([
      { key: '(direct)', conversions: 1, revenue: [usd(20)] },
      { key: 'spring', conversions: 2, revenue: [cny(350)] },
    ]);
    const sm = await (await c.get('/v1/attribution?site=shop&from=2026-03-01&to=2026-03-06&by=source_medium&model=last_touch', READ_TOKEN)).body;
    expect(sm.rows.map((r: any) => [r.key, r.conversions])).toEqual([['(direct) / (none)', 2], ['newsletter / email', 1]]);
  });

  it('a short lookback drops older touches', async () => {
    // lookback 1 day: P1 keeps only Email (day 5), P2 only Direct (day 4): first touch = last touch.
    const body = await attribution('first_touch', '&lookback_days=1');
    expect(body.rows).toEqual([
      { key: 'Direct', conversions: 2, revenue: [cny(50), usd(20)] },
      { key: 'Email', conversions: 1, revenue: [cny(300)] },
    ]);
  });

  it('compares every model side by side', async () => {
    const res = await c.get('/v1/attribution/compare?site=shop&from=2026-03-01&to=2026-03-06&by=channel', READ_TOKEN);
    expect(res.status).toBe(200);
    expect(res.body.models).toEqual(['first_touch', 'last_touch', 'last_non_direct', 'linear', 'time_decay', 'position_based', 'markov', 'shapley']);
    const email = res.body.rows.find((r: any) => r.key === 'Email');
    // Email: no first touch; last touch of P1 (300 CNY); linear 1/3 of P1 (100 CNY).
    expect(email.credits.first_touch).toEqual(none);
    expect(email.credits.last_touch).toEqual({ conversions: 1, revenue: [cny(300)] });
    expect(r2(email.credits.linear.revenue[0].amount)).toBe(100);
    expect(res.body.totals).toEqual(totals);
  });

  it('rejects an unknown model with what is allowed', async () => {
    const res = await c.get('/v1/attribution?site=shop&from=2026-03-01&to=2026-03-06&model=magic', READ_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toMatchObject({ path: '/query/model' });
    expect(res.body.error.issues[0].expected).toContain('markov');
  });
});
