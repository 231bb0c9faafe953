/**
 * The alerts and campaign-review pages, and saving a funnel from the builder, in real Chromium
 * against a real collector (temp SQLite; the week of seed-dashboard.ts sent through
 * POST /v1/batch). Rules, campaigns and incidents are made through the API and the evaluator;
 * what the pages show is compared with the API's answers and with figures worked out by hand.
 */
import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { getRule } from '../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../../collector/helpers/test-collector.js';
import { launchChromium } from '../support/launch-chromium.js';
import { ensureDashboardBuilt } from './support/ensure-dashboard-built.js';
import { en, pageUrl, screenshots, settled, tableCells } from './support/dashboard-page.js';
import { seedWeek, WEEK } from './support/seed-dashboard.js';

let c: TestCollector;
let browser: Browser;
let page: Page;
let ruleId: string;
let campaignId: string;
const pageErrors: string[] = [];
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const reader = { authorization: `Bearer ${READ_TOKEN}` };

/**
 * Fires when a day had any conversion. The seeded week has conversions on Mon 11-09 (A, 300 CNY)
 * and Fri 11-13 (C, 120 CNY). The 09:00 Shanghai slot (01:00Z) reads the day before, so:
 * 11-10 01:00Z breach → fired; 11-11 ok → recovered; 11-14 breach → fired; 11-15 ok → recovered.
 */
const RULE = {
  site: 'shop', name: 'Orders came in / 有订单', metric: 'conversions', window: { unit: 'day', size: 1 },
  schedule: { cron: '0 9 * * *' }, condition: { type: 'threshold', op: 'above', value: 0 },
  lifecycle: { consecutive: 1, cooldownMinutes: 0 },
  channels: [{ type: 'webhook', url: 'https://ops.example.com/hooks/KEY-IN-PATH', secret: 'a-secret-of-16-chars!' }],
};
const CAMPAIGN = {
  site: 'shop', name: 'Spring tea / 春茶', utm_campaigns: ['spring_tea'], start: WEEK.from, end: WEEK.to,
  budget: 1000, currency: 'CNY', goal_conversions: 2,
};

const api = async (path: string) => {
  const res = await c.get(path, READ_TOKEN);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Answers the admin dialog: the extra fields, then the token. */
async function answerDialog(fields: Record<string, string>): Promise<void> {
  await page.waitForSelector('dialog[open]');
  for (const [name, value] of Object.entries(fields)) await page.fill(`dialog [name="${name}"]`, value);
  await page.fill('dialog input[name="admin-token"]', ADMIN_TOKEN);
  await page.click('dialog button[type=submit]');
  await page.waitForSelector('dialog', { state: 'detached' });
}

beforeAll(async () => {
  ensureDashboardBuilt();
  c = await startTestCollector();
  expect(await seedWeek(c)).toEqual({ accepted: 10, quarantined: 1 });
  const rule = await c.post('/v1/alerts/rules', RULE, admin);
  expect(rule.status).toBe(201);
  ruleId = rule.body.id;
  const campaign = await c.post('/v1/campaigns', CAMPAIGN, admin);
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.addInitScript((token) => {
    sessionStorage.setItem('maidian.readToken', token);
    localStorage.setItem('maidian.lang', 'en');
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  }, READ_TOKEN);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text()); });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await c?.stop();
});

describe('alerts page', () => {
  it('lists the rule in plain language and previews when it would have fired, as the API does', async () => {
    await page.goto(pageUrl(c.url, 'alerts'));
    await settled(page, '[data-table="alert-rules"]');
    const row = (await tableCells(page, 'alert-rules'))[ruleId];
    const metrics = (await (await fetch(`${c.url}/v1/alerts/metrics`)).json()).metrics as { id: string; name: { en: string } }[];
    expect(row.metric).toBe(metrics.find((m) => m.id === 'conversions')!.name.en);
    expect(row.condition).toBe(`${row.metric} > 0`);
    expect(row.schedule).toContain('0 9 * * *');
    expect(row.schedule).toContain('Asia/Shanghai');
    // A read token sees the channel's type and host; the path holds a key and is never shown.
    expect(row.channels).toBe('webhook · ops.example.com');
    expect(await page.locator('main').textContent()).not.toContain('KEY-IN-PATH');

    await page.click(`[data-preview="${ruleId}"]`);
    await page.waitForURL(new RegExp(`preview=${ruleId}`));
    await settled(page, '[data-table="preview-firings"]', '[data-slot="alert-preview"] .chart[data-ready]');
    const { id: _id, state: _state, channels: _channels, createdAt: _c, updatedAt: _u, ...definition } = await api(`/v1/alerts/rules/${ruleId}`);
    const preview = (await c.post('/v1/alerts/preview', { rule: { ...definition, channels: [] }, days: 30 }, reader)).body;
    const firings = preview.firings.map((f: { slot: string }) => f.slot);
    expect(firings).toEqual(['2026-11-10T01:00:00.000Z', '2026-11-14T01:00:00.000Z']);
    const shown = await tableCells(page, 'preview-firings');
    expect(Object.keys(shown)).toEqual(firings);
    expect(Object.values(shown).map((r) => r.value)).toEqual(['1', '1']);
    // Each firing recovered the next morning: 11-11 and 11-15, 09:00 in Shanghai.
    const recoveries = preview.recoveries.map((r: { slot: string }) => r.slot);
    expect(recoveries).toEqual(['2026-11-11T01:00:00.000Z', '2026-11-15T01:00:00.000Z']);
    const shanghai = (iso: string) => new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
    expect(Object.values(shown).map((r) => r.recovered)).toEqual(recoveries.map(shanghai));
    expect(Object.values(shown).map((r) => r.slot)).toEqual(firings.map(shanghai));
    expect(await page.locator('[data-preview-slots]').getAttribute('data-preview-slots')).toBe(String(preview.slots));
    await screenshots(page, 'alerts-preview');
  });

  it('shows an incident the evaluator opened as firing, and acknowledges it with owner and note', async () => {
    // The 11-10 09:00 slot reads Monday, which had A's order: the rule fires.
    const fired = (await runSlot(sqliteAlertData(c.store.db), getRule(c.store.db, ruleId)!, Date.UTC(2026, 10, 10, 1)));
    expect(fired?.event).toBe('fired');
    await page.goto(pageUrl(c.url, 'alerts'));
    await settled(page, '[data-table="incidents"]', '[data-table="alert-history"]');
    const [incident] = (await api('/v1/alerts?site=shop')).incidents;
    expect(incident).toMatchObject({ ruleId, status: 'firing', value: 1, firedAt: '2026-11-10T01:00:00.000Z' });
    const row = page.locator(`[data-table="incidents"] tr[data-key="${incident.id}"]`);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('firing');
    expect((await tableCells(page, 'incidents'))[incident.id].rule).toBe(RULE.name);

    await row.locator('[data-action="ack"]').click();
    await answerDialog({ owner: 'li.lei', note: 'Checking the order feed <b>now</b>' });
    await page.waitForSelector('[data-slot="incident-result"] .state.ok');
    await settled(page, `[data-table="incidents"] tr[data-key="${incident.id}"] [data-status="acknowledged"]`);
    const after = (await api('/v1/alerts?site=shop')).incidents[0];
    expect(after).toMatchObject({ id: incident.id, status: 'acknowledged', acknowledged: { owner: 'li.lei', note: 'Checking the order feed <b>now</b>' } });
    const cells = (await tableCells(page, 'incidents'))[incident.id];
    expect(cells.acknowledged).toContain('li.lei');
    expect(cells.acknowledged).toContain('Checking the order feed <b>now</b>'); // shown as text, not markup
    // Rows in page order (tableCells keys rows by sequence number, which objects reorder).
    const history = await page.$$eval('[data-table="alert-history"] tbody tr', (rows) => rows.map((tr) => ['type', 'owner'].map((k) => tr.querySelector(`[data-col="${k}"]`)!.textContent)));
    expect(history).toEqual([['Acknowledged', 'li.lei'], ['Fired', '—']]); // newest first
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(ADMIN_TOKEN);
    await screenshots(page, 'alerts-incident');
  });

  it('names the metric in Chinese when the language is Chinese', async () => {
    await page.goto(pageUrl(c.url, 'alerts'));
    await settled(page, '[data-table="alert-rules"]');
    await page.selectOption('.topbar select', 'zh');
    await settled(page, '[data-table="alert-rules"]');
    const metrics = (await (await fetch(`${c.url}/v1/alerts/metrics`)).json()).metrics as { id: string; name: { zh: string } }[];
    expect((await tableCells(page, 'alert-rules'))[ruleId].metric).toBe(metrics.find((m) => m.id === 'conversions')!.name.zh);
    expect(await page.locator('nav').textContent()).toContain('活动复盘');
    await page.selectOption('.topbar select', 'en');
  });
});

describe('campaign reviews page', () => {
  it('generates a review with the admin token and draws the figures of the review JSON', async () => {
    await page.goto(pageUrl(c.url, 'campaigns'));
    await settled(page, '[data-table="campaigns"]', '[data-slot="review-versions"] .state.empty');
    await page.click('[data-action="generate"]');
    await answerDialog({});
    await page.waitForURL(/version=1/);
    await settled(page, '[data-review="1"]', '[data-review="1"] .chart[data-ready]');
    const versions = (await api(`/v1/campaigns/${campaignId}/reviews`)).reviews;
    expect(versions).toMatchObject([{ version: 1, trigger: 'on_demand' }]);
    const review = await api(`/v1/campaigns/${campaignId}/reviews/1`);
    const figure = (key: string) => page.locator(`[data-figure="${key}"] .value`).textContent();
    // By hand: spring_tea is A's Monday session, which bought for 300 CNY: 1 session, 1 user,
    // 1 conversion, 1 / 1 = 100.0 %; no cost rows, so cost 0 and no ROI.
    expect(review.headline).toMatchObject({ sessions: 1, users: 1, conversions: 1, conversionRate: 1, revenue: [{ currency: 'CNY', amount: 300 }], cost: 0, roi: null });
    expect(await figure('sessions')).toBe(en.int(review.headline.sessions));
    expect(await figure('users')).toBe(en.int(review.headline.users));
    expect(await figure('conversions')).toBe(en.int(review.headline.conversions));
    expect(await figure('conversionRate')).toBe(en.pct(review.headline.conversionRate));
    expect(await figure('revenue')).toBe(en.money(300, 'CNY'));
    expect(await figure('cost')).toBe(en.money(review.headline.cost, 'CNY'));
    expect(await figure('attributedRevenue')).toBe(en.money(review.headline.attributedRevenue, 'CNY'));
    expect(await figure('roi')).toBe('—');
    const utm = await tableCells(page, 'review-utm');
    for (const r of review.byUtmCampaign) expect([utm[r.key].sessions, utm[r.key].conversions]).toEqual([en.int(r.sessions), en.int(r.conversions)]);
    // Goal 2 conversions, 1 reached; budget 1000, nothing spent.
    const goals = await tableCells(page, 'review-goals');
    expect(goals.conversions).toEqual({ figure: '1 / 2', verdict: 'missed' });
    expect(goals.budget.verdict).toBe(en.pct(0));
    const models = await tableCells(page, 'review-attribution');
    for (const r of review.attribution.rows) expect(models[r.key].linear).toBe(en.dec(r.credits.linear.conversions));
    // The incident of the alerts test fired on 11-10, inside the campaign.
    expect(review.alerts).toHaveLength(1);
    expect(Object.values(await tableCells(page, 'review-alerts')).map((r) => r.rule)).toEqual([RULE.name]);
    await screenshots(page, 'campaign-review');
  });

  it('downloads the self-contained review page with the read token', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="zh"]')]);
    expect(download.suggestedFilename()).toBe(`review-${campaignId}-v1-zh.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    const direct = await c.get(`/v1/campaigns/${campaignId}/reviews/1.html?lang=zh`, READ_TOKEN);
    // ECharts numbers its SVG style classes per render (zr1-cls-5, zr3-cls-12…); all else is equal.
    const classless = (s: string) => s.replace(/zr\d+-cls-\d+/g, 'zr-cls');
    expect(classless(html)).toBe(classless(direct.body));
    expect(html).toContain('活动复盘');
  });
});

describe('funnel builder', () => {
  it('saves a funnel with a property filter; it appears in the saved list with the API result', async () => {
    await page.goto(pageUrl(c.url, 'funnels'));
    await settled(page, 'select[data-step="1"]');
    await page.selectOption('select[data-step="1"]', 'page_view');
    await page.selectOption('select[data-step="2"]', 'add_to_cart');
    await page.click('text=Add step');
    await page.selectOption('select[data-step="3"]', 'conversion');
    await page.click('[data-add-filter="2"]');
    await page.selectOption('[data-filters="2"] [data-filter-prop]', 'sku');
    await page.selectOption('[data-filters="2"] [data-filter-op]', 'eq');
    await page.fill('[data-filters="2"] [data-filter-value]', 'tea-1');
    await page.click('[data-action="save-funnel"]');
    await answerDialog({ name: 'Tea-1 buyers' });
    await page.waitForURL(/saved=/);
    await settled(page, 'select[name="saved"]', '[data-table="funnel-steps"]');
    const saved = (await api('/v1/funnels?site=shop')).items as { id: string; name: string; definition: { steps: unknown[] } }[];
    const mine = saved.find((f) => f.name === 'Tea-1 buyers')!;
    expect(mine.definition.steps).toEqual([{ event: 'page_view' }, { event: 'add_to_cart', filters: [{ prop: 'sku', op: 'eq', value: 'tea-1' }] }, { event: 'conversion' }]);
    expect(await page.locator('select[name="saved"]').inputValue()).toBe(mine.id);
    const result = await api(`/v1/funnels/${mine.id}/result?site=shop&from=${WEEK.from}&to=${WEEK.to}`);
    const shown = await tableCells(page, 'funnel-steps');
    for (const s of result.steps) expect(shown[String(s.step)].entrants).toBe(en.int(s.entrants));
    // By hand: A, B, C, D viewed a page (4); only A added sku tea-1 (B added tea-2) (1); A bought (1).
    expect([shown['1'].entrants, shown['2'].entrants, shown['3'].entrants]).toEqual(['4', '1', '1']);
    await screenshots(page, 'funnel-saved');
  });

  it('says what is wrong with a filter value before sending it', async () => {
    await page.goto(pageUrl(c.url, 'funnels', { steps: 'page_view,add_to_cart' }));
    await settled(page, 'select[data-step="2"]');
    await page.click('[data-add-filter="2"]');
    await page.selectOption('[data-filters="2"] [data-filter-prop]', 'price');
    await page.selectOption('[data-filters="2"] [data-filter-op]', 'gt');
    await page.fill('[data-filters="2"] [data-filter-value]', 'cheap');
    await page.click('form[data-form="funnel"] button[type=submit]');
    expect(await page.locator('form[data-form="funnel"] .form-error').textContent()).toBe('Step 2: price is a number: enter a number (for "is one of", numbers separated by commas).');
  });
});

describe('alerts and reviews pages', () => {
  it('ran without script errors or Content-Security-Policy violations', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
