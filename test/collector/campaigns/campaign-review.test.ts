import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { reviewEndedCampaigns } from '../../../collector/src/campaigns/review-scheduler.js';
import { getRule } from '../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { day, seedShopHistory } from '../reports/report-fixtures.js';

// The shop story of report-fixtures.ts (Asia/Shanghai), days 2026-03-01 … 06:
//   "spring" (baidu / cpc): P1 on day 1, P2a on day 2 → 2 sessions, 2 users, no conversion in them.
//   "march-news" (newsletter / email): P1 on day 5 → 1 session with the 300 CNY order o-1 (sent twice, counted once).
// Last non-direct credit (the ROI report's default): P1's 300 CNY → march-news; P2's 50 CNY (bought on a
// direct visit on day 4, after baidu/spring on day 2) → spring.
const costs = [
  { date: '2026-03-01', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 200, currency: 'CNY', impressions: 10000, clicks: 100 },
  { date: '2026-03-02', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 100, currency: 'CNY', impressions: 5000, clicks: 50 },
];
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const spring = {
  site: 'shop', name: 'Spring push <img src=x onerror=alert(1)>', utm_campaigns: ['spring', 'march-news'], start: '2026-03-01', end: '2026-03-06',
  budget: 1000, currency: 'CNY', goal_conversions: 2, target_roi: 0.1,
};
const winter = { site: 'shop', name: 'Winter sale', utm_campaigns: ['winter'], start: '2026-02-01', end: '2026-02-28', currency: 'CNY' };

let c: TestCollector;
let id: string;
beforeAll(async () => {
  c = await startTestCollector();
  await seedShopHistory(c);
  expect((await c.post('/v1/costs', { site: 'shop', rows: costs }, admin)).body.imported).toBe(2);
  expect((await c.post('/v1/campaigns', winter, admin)).status).toBe(201);
  const res = await c.post('/v1/campaigns', spring, admin);
  expect(res.status).toBe(201);
  id = res.body.id;
  // An alert that fires during the campaign: no Paid Search session on day 3, read by the day-4 09:00 slot.
  const rule = await c.post('/v1/alerts/rules', {
    site: 'shop', name: 'Paid search dried up', metric: 'sessions', filters: { channel: 'Paid Search' }, schedule: { cron: '0 9 * * *' },
    condition: { type: 'threshold', op: 'below', value: 1 },
  }, admin);
  expect((await runSlot(sqliteAlertData(c.store.db), getRule(c.store.db, rule.body.id)!, day(4, 9)))?.event).toBe('fired');
});
afterAll(async () => { await c.stop(); });

describe('campaign review', () => {
  it('has the figures of the analytics API for the same period', async () => {
    const made = await c.post(`/v1/campaigns/${id}/review`, {}, admin);
    expect(made.status).toBe(201);
    const review = (await c.get(`/v1/campaigns/${id}/reviews/${made.body.version}`, READ_TOKEN)).body;
    const range = 'site=shop&from=2026-03-01&to=2026-03-06';
    const channels = (await c.get(`/v1/reports/channels?${range}&by=campaign`, READ_TOKEN)).body.rows;
    expect(review.byUtmCampaign).toEqual(channels.filter((r: { key: string }) => ['spring', 'march-news'].includes(r.key)));
    const roi = (await c.get(`/v1/reports/roi?${range}&by=campaign`, READ_TOKEN)).body.rows;
    expect(review.sources).toEqual(roi.filter((r: { campaign?: string }) => r.campaign === 'spring' || r.campaign === 'march-news'));
    const compare = (await c.get(`/v1/attribution/compare?${range}&by=campaign`, READ_TOKEN)).body.rows;
    expect(review.attribution.rows).toEqual(compare.filter((r: { key: string }) => ['spring', 'march-news'].includes(r.key)));

    // And by hand: sessions 2 + 1 = 3, one conversion, rate 1/3, revenue 300 CNY.
    expect(review.headline).toMatchObject({ sessions: 3, users: 3, conversions: 1, convertingSessions: 1, revenue: [{ currency: 'CNY', amount: 300 }] });
    expect(review.headline.conversionRate).toBeCloseTo(1 / 3, 12);
    // Cost 200 + 100 = 300 CNY; attributed 50 (spring) + 300 (march-news) = 350 CNY over 2 conversions.
    // ROI = (350 − 300) / 300 = 1/6; ROAS = 350 / 300 = 7/6; CPA = 300 / 2 = 150.
    expect(review.headline).toMatchObject({ cost: 300, attributedRevenue: 350, attributedConversions: 2, cpa: 150 });
    expect(review.headline.roi).toBeCloseTo(1 / 6, 12);
    expect(review.headline.roas).toBeCloseTo(7 / 6, 12);
    expect(review.goals).toMatchObject({
      conversions: { goal: 2, actual: 1, reached: false }, roi: { target: 0.1, reached: true }, budget: { budget: 1000, spent: 300, share: 0.3 },
    });
    // Creatives: no utm_content was sent → one "(not set)" row with the same totals, except users: the
    // headline adds users per utm_campaign (P1 is in both), a creative row counts distinct people (P1, P2).
    expect(review.creatives).toEqual([{ content: '(not set)', sessions: 3, users: 2, conversions: 1, convertingSessions: 1, revenue: [{ currency: 'CNY', amount: 300 }] }]);
    expect(review.alerts).toEqual([{ ruleId: expect.any(String), ruleName: 'Paid search dried up', metric: 'sessions', at: '2026-03-04T01:00:00.000Z', value: 0 }]);
    expect(review.previous).toMatchObject({ name: 'Winter sale', from: '2026-02-01', to: '2026-02-28', headline: { sessions: 0, conversions: 0 } });
    expect(review.period).toMatchObject({ start: '2026-02-28T16:00:00.000Z', end: '2026-03-06T16:00:00.000Z', timezone: 'Asia/Shanghai' });
  });

  it('is written once when the campaign has ended, and versioned on every request', async () => {
    // Both campaigns ended long ago: the check writes one "ended" review each, and nothing on a second run.
    expect(await reviewEndedCampaigns(sqliteAlertData(c.store.db))).toBe(2);
    expect(await reviewEndedCampaigns(sqliteAlertData(c.store.db))).toBe(0);
    await c.post(`/v1/campaigns/${id}/review`, {}, admin);
    const list = (await c.get(`/v1/campaigns/${id}/reviews`, READ_TOKEN)).body.reviews;
    expect(list.map((r: { version: number; trigger: string }) => [r.version, r.trigger]).slice(-2)).toEqual([[list.length - 1, 'ended'], [list.length, 'on_demand']]);
    expect((await c.post(`/v1/campaigns/${id}/review`, {}, { authorization: `Bearer ${READ_TOKEN}` })).status).toBe(401);
  });

  it('renders a self-contained bilingual HTML page with inline SVG charts and escaped text', async () => {
    const { version } = (await c.post(`/v1/campaigns/${id}/review`, {}, admin)).body;
    const en = await c.get(`/v1/campaigns/${id}/reviews/${version}.html?lang=en`, READ_TOKEN);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toMatch(/text\/html/);
    expect(en.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = String(en.body);
    expect(html).toContain('Campaign review: Spring push &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Winter sale');
    const zh = String((await c.get(`/v1/campaigns/${id}/reviews/${version}.html?lang=zh`, READ_TOKEN)).body);
    expect(zh).toContain('活动复盘');
    expect(zh).toContain('归因模型对比');
    expect((await c.get(`/v1/campaigns/${id}/reviews/999.html`, READ_TOKEN)).status).toBe(404);
  });

  it('validates campaigns with clear errors', async () => {
    const res = await c.post('/v1/campaigns', { ...spring, end: '2026-02-01', utm_campaigns: [], currency: 'yuan' }, admin);
    expect(res.status).toBe(400);
    const paths = res.body.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['/currency', '/end', '/utm_campaigns']);
    const order = await c.post('/v1/campaigns', { ...spring, end: '2026-02-01' }, admin);
    expect(order.body.error.issues).toEqual([{ path: '/end', message: 'end must not be before start' }]);
  });
});
