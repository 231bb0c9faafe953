import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { seedShopHistory } from './report-fixtures.js';

// Story in report-fixtures.ts. Linear credit by (source, campaign) over days 1–6:
//   baidu / spring:          P1 1/3 (100 CNY) + P2 1/2 (25 CNY) = 5/6 conversions, 125 CNY
//   (direct) / (none):       P1 1/3 (100 CNY) + P2 1/2 (25 CNY) + P4 1 (20 USD) = 11/6
//   newsletter / march-news: P1 1/3 (100 CNY)
const costs = [
  { date: '2026-03-01', source: 'Baidu', medium: 'cpc', campaign: 'spring', cost: 200, currency: 'CNY', impressions: 10000, clicks: 100 },
  { date: '2026-03-02', source: 'baidu', medium: 'cpc', campaign: 'Spring', cost: 100, currency: 'CNY', impressions: 5000, clicks: 50 },
  // Spend with no visit at all in the range.
  { date: '2026-03-03', source: 'sogou', medium: 'cpc', campaign: 'brand', cost: 80, currency: 'CNY', impressions: 1000, clicks: 20 },
  // Paid in USD while the newsletter's revenue is in CNY: flagged, never mixed.
  { date: '2026-03-05', source: 'newsletter', medium: 'email', campaign: 'march-news', cost: 10, currency: 'USD' },
  // Outside the range's days.
  { date: '2026-03-10', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 999, currency: 'CNY', impressions: 1, clicks: 1 },
];

let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
  await seedShopHistory(c);
  const res = await c.post('/v1/costs', { site: 'shop', rows: costs }, { authorization: `Bearer ${ADMIN_TOKEN}` });
  expect(res.body).toEqual({ site: 'shop', imported: 5 });
});
afterAll(async () => { await c.stop(); });

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe('GET /v1/reports/roi', () => {
  it('joins attributed revenue to costs on source and campaign over the range days', async () => {
    const res = await c.get('/v1/reports/roi?site=shop&from=2026-03-01&to=2026-03-06&model=linear&by=campaign', READ_TOKEN);
    expect(res.status).toBe(200);
    expect(res.body.costDays).toEqual({ fromDate: '2026-03-01', toDate: '2026-03-06' });
    const row = (key: string) => res.body.rows.find((r: any) => r.key === key);
    // baidu / spring: cost 200 + 100 = 300 CNY (the day-10 row is outside), clicks 150,
    // impressions 15000 → CTR 0.01, CPC 300 / 150 = 2, ROI (125 − 300) / 300 = −7/12,
    // ROAS 125 / 300 = 5/12, CPA 300 / (5/6) = 360.
    const baidu = row('baidu / spring');
    expect(baidu).toMatchObject({ source: 'baidu', campaign: 'spring', cost: [{ currency: 'CNY', amount: 300 }], clicks: 150, impressions: 15000, ctr: 0.01, currencyMismatch: false, revenue: [{ currency: 'CNY', amount: 125 }] });
    expect(r6(baidu.conversions)).toBe(r6(5 / 6));
    expect(baidu.figures).toHaveLength(1);
    expect(baidu.figures[0].currency).toBe('CNY');
    expect(baidu.figures[0].roi).toBeCloseTo(-7 / 12, 9);
    expect(baidu.figures[0].roas).toBeCloseTo(5 / 12, 9);
    expect(baidu.figures[0].cpa).toBeCloseTo(360, 6);
    expect(baidu.figures[0].cpc).toBe(2);
    // sogou / brand: 80 CNY, 20 clicks, 1000 impressions, nothing attributed:
    // ROI (0 − 80) / 80 = −1, ROAS 0, CPA undefined (no conversions), CPC 4, CTR 0.02.
    expect(row('sogou / brand')).toMatchObject({
      conversions: 0, revenue: [], ctr: 0.02, currencyMismatch: false,
      figures: [{ currency: 'CNY', cost: 80, revenue: 0, roi: -1, roas: 0, cpa: null, cpc: 4 }],
    });
    // newsletter / march-news: 10 USD of cost against 100 CNY of revenue → flagged, ROI null;
    // CPA 10 / (1/3) = 30 USD still holds (it counts conversions, not money).
    const news = row('newsletter / march-news');
    expect(news).toMatchObject({ currencyMismatch: true, clicks: null, ctr: null, revenue: [{ currency: 'CNY', amount: 100 }] });
    expect(news.figures[0]).toMatchObject({ currency: 'USD', cost: 10, revenue: 0, roi: null, roas: null, cpc: null });
    expect(news.figures[0].cpa).toBeCloseTo(30, 6);
    // Direct traffic has revenue and no cost: no ROI figures.
    expect(row('(direct) / (not set)')).toMatchObject({ cost: [], figures: [], currencyMismatch: false });
    // Honest totals: all cost in range per currency (CNY 200 + 100 + 80, USD 10), and the spend
    // that bought no visit the collector saw.
    expect(res.body.totals).toEqual({ conversions: 3, revenue: [{ currency: 'CNY', amount: 350 }, { currency: 'USD', amount: 20 }], cost: [{ currency: 'CNY', amount: 380 }, { currency: 'USD', amount: 10 }] });
    expect(res.body.costsWithoutTraffic).toEqual([{ source: 'sogou', campaign: 'brand', medium: 'cpc', cost: { currency: 'CNY', amount: 80 } }]);
    expect(res.body.unattributed).toEqual({ conversions: 0, revenue: [] });
  });

  it('groups by channel: costs by their channel rules, revenue by the touch channel', async () => {
    const res = await c.get('/v1/reports/roi?site=shop&from=2026-03-01&to=2026-03-06&model=first_touch&by=channel', READ_TOKEN);
    expect(res.status).toBe(200);
    const ps = res.body.rows.find((r: any) => r.key === 'Paid Search');
    // baidu/cpc and sogou/cpc are Paid Search: 300 + 80 = 380 CNY. First touch gives Paid Search
    // P1's 300 and P2's 50 CNY: ROI (350 − 380) / 380 = −3/38.
    expect(ps).toMatchObject({ conversions: 2, cost: [{ currency: 'CNY', amount: 380 }], revenue: [{ currency: 'CNY', amount: 350 }] });
    expect(ps.figures[0].roi).toBeCloseTo(-3 / 38, 9);
  });
});
