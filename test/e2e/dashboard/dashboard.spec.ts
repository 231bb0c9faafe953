/**
 * The marketer dashboard in real Chromium against a real collector (temp SQLite, the week of
 * seed-dashboard.ts sent through POST /v1/batch). Each page's figures are compared with the
 * API's answer for the same query, and the headline ones with figures worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_TOKEN, READ_TOKEN, shopDictionary, startTestCollector, type TestCollector } from '../../collector/helpers/test-collector.js';
import { batch } from '../../collector/helpers/events.js';
import { launchChromium } from '../support/launch-chromium.js';
import { ensureDashboardBuilt } from './support/ensure-dashboard-built.js';
import { en, pageUrl, screenshots, settled, tableCells } from './support/dashboard-page.js';
import { liveEvent, seedWeek, WEEK, XSS_CAMPAIGN, XSS_PATH } from './support/seed-dashboard.js';

let c: TestCollector;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = async (path: string) => {
  const res = await c.get(path, READ_TOKEN);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const week = `site=shop&from=${WEEK.from}&to=${WEEK.to}`;

beforeAll(async () => {
  ensureDashboardBuilt();
  c = await startTestCollector();
  const seeded = await seedWeek(c);
  // 11 events: 10 accepted, newsletter_signup quarantined (the dictionary does not declare it).
  expect(seeded).toEqual({ accepted: 10, quarantined: 1 });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Chromium reports CSP refusals on the console; the init-script listener only sees one document.
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) pageErrors.push(m.text()); });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await c?.stop();
});

describe('dashboard', () => {
  it('serves its pages with a strict Content-Security-Policy and no framing', async () => {
    const res = await fetch(`${c.url}/dashboard/channels?site=shop`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const js = await fetch(`${c.url}/dashboard/assets/main.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${c.url}/dashboard/assets/missing.js`)).status).toBe(404);
  });

  it('shows no data without a token, refuses a wrong one and signs in with the read token', async () => {
    await page.goto(pageUrl(c.url, ''));
    await page.waitForURL(/\/dashboard\/sign-in/);
    expect(await page.locator('main').textContent()).not.toContain('Page views');
    await page.fill('#main input[type=password]', 'not-a-token-of-this-collector');
    await page.click('#main button[type=submit]');
    await page.waitForSelector('#main .state.error');
    expect(await page.locator('#main .state.error').textContent()).toContain('not a read token');
    await page.fill('#main input[type=password]', READ_TOKEN);
    await page.click('#main button[type=submit]');
    await page.waitForSelector('[data-metric="page_views"]');
    await screenshots(page, 'sign-in-done');
  });

  it('overview: headline metrics, trend, top channels, campaigns and pages equal the API', async () => {
    await page.goto(pageUrl(c.url, '', { compare: '1' }));
    await settled(page, '[data-metric="page_views"]', '[data-table="top-channels"]', '[data-table="top-pages"]', '.chart[data-ready]');
    const value = (m: string) => page.locator(`[data-metric="${m}"] .value`).textContent();
    // By hand: page views A1 + B2 + C2 + D1 = 6; sessions A1, B1, C2 (Wed, Fri), D1 = 5;
    // conversions o-1, o-2 = 2 in 2 sessions: 2 / 5 = 40.0 %; revenue 300 + 120 = 420 CNY.
    expect(await value('page_views')).toBe('6');
    expect(await value('sessions')).toBe('5');
    expect(await value('conversions')).toBe('2');
    expect(await value('conversion_rate')).toBe(en.pct(0.4));
    expect(await value('revenue')).toBe(en.money(420, 'CNY'));
    // The API's own series gives the same totals.
    const series = await api(`/v1/reports/timeseries?${week}&interval=day&metrics=pageviews,sessions`);
    expect(String(series.points.reduce((n: number, p: { pageviews: number }) => n + p.pageviews, 0))).toBe(await value('page_views'));
    // Names and descriptions come from the metric dictionary; the week before had no data.
    const metrics = (await (await fetch(`${c.url}/v1/metrics`)).json()).metrics as { id: string; name: { en: string } }[];
    expect(await page.locator('[data-metric="sessions"] dt').textContent()).toBe(metrics.find((m) => m.id === 'sessions')!.name.en);
    expect(await page.locator('[data-metric="sessions"] .delta').textContent()).toBe('no data before');
    const channels = (await api(`/v1/reports/channels?${week}&by=channel`)).rows as { key: string; sessions: number }[];
    const shown = await tableCells(page, 'top-channels');
    expect(Object.keys(shown).sort()).toEqual(channels.map((r) => r.key).sort());
    for (const r of channels) expect(shown[r.key].sessions).toBe(en.int(r.sessions));
    expect(shown.Direct.sessions).toBe('2'); // B and D arrived directly
    const pages = (await api(`/v1/stats/summary?${week}`)).topPages as { path: string; pageviews: number }[];
    const shownPages = await tableCells(page, 'top-pages');
    for (const p of pages) expect(shownPages[p.path].pageviews).toBe(en.int(p.pageviews));
    await screenshots(page, 'overview');
  });

  it('overview: the live counter picks up an event sent now', async () => {
    await page.goto(pageUrl(c.url, ''));
    await page.waitForSelector('[data-live="0"]');
    expect((await c.post('/v1/batch', batch([liveEvent()], Date.now()))).body.accepted).toBe(1);
    await page.waitForSelector('[data-live="1"]', { timeout: 12_000 });
    const live = await api('/v1/stats/live?site=shop');
    expect(live.events).toBe(1);
  });

  it('channels: the table equals the API, and switching the model re-credits conversions', async () => {
    await page.goto(pageUrl(c.url, 'channels'));
    await settled(page, '[data-table="channels"]', '[data-table="compare"]', '.chart[data-ready]');
    const model = async (m: string) => (await api(`/v1/attribution?${week}&by=channel&model=${m}`)).rows as { key: string; conversions: number }[];
    const check = async (m: string) => {
      const shown = await tableCells(page, 'channels');
      for (const r of await model(m)) expect(shown[r.key].conversions).toBe(en.dec(r.conversions));
      return shown;
    };
    // Last non-direct (default): A → Paid Search; C's touches Organic (Wed), Email (Fri) → Email.
    let shown = await check('last_non_direct');
    expect([shown['Paid Search'].conversions, shown.Email.conversions, shown['Organic Search'].conversions]).toEqual(['1', '1', '0']);
    await screenshots(page, 'channels');
    await page.selectOption('select[name="model"]', 'first_touch');
    await page.waitForURL(/model=first_touch/);
    await settled(page, '[data-table="channels"]');
    // First touch: C's conversion moves to Organic Search.
    shown = await check('first_touch');
    expect([shown['Paid Search'].conversions, shown.Email.conversions, shown['Organic Search'].conversions]).toEqual(['1', '0', '1']);
    const sessions = (await api(`/v1/reports/channels?${week}&by=channel`)).rows as { key: string; sessions: number }[];
    for (const r of sessions) expect(shown[r.key].sessions).toBe(en.int(r.sessions));
    const compare = await api(`/v1/attribution/compare?${week}&by=channel`);
    const cells = await tableCells(page, 'compare');
    for (const row of compare.rows) expect(cells[row.key].linear).toBe(en.dec(row.credits.linear.conversions));
    // Linear: C's conversion split between Organic Search and Email.
    expect(cells.Email.linear).toBe('0.5');
  });

  it('funnels: building page_view → add_to_cart → conversion shows the API figures', async () => {
    await page.goto(pageUrl(c.url, 'funnels'));
    await settled(page, 'select[data-step="1"]');
    await page.selectOption('select[data-step="1"]', 'page_view');
    await page.selectOption('select[data-step="2"]', 'add_to_cart');
    await page.click('text=Add step');
    await page.selectOption('select[data-step="3"]', 'conversion');
    await page.click('form[data-form="funnel"] button[type=submit]');
    await page.waitForURL(/steps=page_view%2Cadd_to_cart%2Cconversion/);
    await settled(page, '[data-table="funnel-steps"]', '.chart[data-ready]');
    const body = { site: 'shop', ...WEEK, steps: [{ event: 'page_view' }, { event: 'add_to_cart' }, { event: 'conversion' }], window: { value: 14, unit: 'day' }, countBy: 'person' };
    const answer = (await c.post('/v1/funnels/query', body, { authorization: `Bearer ${READ_TOKEN}` })).body;
    const shown = await tableCells(page, 'funnel-steps');
    for (const s of answer.steps) {
      expect(shown[String(s.step)].entrants).toBe(en.int(s.entrants));
      expect(shown[String(s.step)].fromFirst).toBe(en.pct(s.conversionFromFirst));
    }
    // By hand: A, B, C, D viewed a page (4); A and B added to cart (2); only A then bought (1),
    // 2 minutes after the first step. C bought without adding to cart, so stops at step 1.
    expect([shown['1'].entrants, shown['2'].entrants, shown['3'].entrants]).toEqual(['4', '2', '1']);
    expect(shown['3'].fromFirst).toBe(en.pct(0.25));
    expect(shown['3'].median).toBe('2 min');
    await screenshots(page, 'funnels');
  });

  it('retention and RFM & AIPL show the API figures', async () => {
    await page.goto(pageUrl(c.url, 'retention'));
    await settled(page, '[data-table="retention"]');
    const retention = await api(`/v1/reports/retention?${week}&cohort=first_visit&period=day&periods=8`);
    const cohorts = await tableCells(page, 'retention');
    for (const co of retention.cohorts.filter((x: { size: number }) => x.size > 0)) expect(cohorts[co.start].size).toBe(en.int(co.size));
    // First visits: A Mon, B Tue, C Wed, D Thu; the live visitor is outside the week.
    expect(Object.keys(cohorts).sort()).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12']);
    await screenshots(page, 'retention');
    await page.goto(pageUrl(c.url, 'segments'));
    await settled(page, '[data-slot="rfm"] > *', '[data-slot="aipl"] > *');
    const rfm = await api(`/v1/reports/rfm?site=shop&as_of=${WEEK.to}&limit=1`);
    const segments = await tableCells(page, 'rfm');
    for (const s of rfm.segments) expect(segments[s.id].persons).toBe(en.int(s.persons));
    // Two customers (A and C) bought once each.
    expect(rfm.customers).toBe(2);
    const aipl = await api(`/v1/reports/aipl?${week}`);
    const stages = await tableCells(page, 'aipl');
    for (const s of aipl.stages) expect([stages[s.id].persons, stages[s.id].reached]).toEqual([en.int(s.persons), en.int(s.reached)]);
    // Four people were active; A and C bought, so at least two reached "purchase".
    expect(await page.locator('[data-active]').getAttribute('data-active')).toBe('4');
    expect(Number(stages.purchase.reached)).toBe(2);
    await screenshots(page, 'segments');
  });

  it('dictionary: searchable, in English and Chinese', async () => {
    await page.goto(pageUrl(c.url, 'dictionary'));
    await settled(page, '[data-event="signup"]');
    await page.fill('input[type=search]', 'plan');
    await page.waitForFunction(() => document.querySelectorAll('[data-event]').length === 1);
    expect(await page.locator('[data-event]').getAttribute('data-event')).toBe('signup');
    expect(await page.locator('[data-event="signup"]').textContent()).toContain('A visitor created an account');
    await page.selectOption('.topbar select', 'zh');
    await settled(page, '[data-event="signup"]');
    // The search survives the language switch (it is in the URL); descriptions are Chinese now.
    expect(await page.locator('[data-event="signup"]').textContent()).toContain('访客注册了账号');
    expect(await page.locator('nav').textContent()).toContain('数据质量');
    await page.fill('input[type=search]', '');
    await screenshots(page, 'dictionary-zh');
    await page.selectOption('.topbar select', 'en');
  });

  it('set-up: snippets filled in for the site and this collector, with a live check', async () => {
    await page.goto(pageUrl(c.url, 'setup'));
    await settled(page, '[data-snippet="web"]', '[data-live]');
    const web = await page.locator('[data-snippet="web"]').textContent();
    expect(web).toContain(`src="${c.url}/maidian.js"`);
    expect(web).toContain('data-site="shop"');
    expect(web).toContain('data-key="wk_shop_secret"');
    expect(await page.locator('[data-snippet="miniprogram"]').textContent()).toContain(`endpoint: '${c.url}'`);
    const live = await api('/v1/stats/live?site=shop');
    expect(await page.locator('[data-slot="live-check"] [data-live]').getAttribute('data-live')).toBe(String(live.events));
    await screenshots(page, 'setup');
  });

  it('data quality: lists the quarantined event and replays it after the dictionary is fixed', async () => {
    await page.goto(pageUrl(c.url, 'quality'));
    await settled(page, '[data-table="quarantine"]');
    const open = (await api('/v1/quarantine?site=shop')).items as { qid: number; reasons: { message: string }[] }[];
    expect(open).toHaveLength(1);
    const row = (await tableCells(page, 'quarantine'))[String(open[0].qid)];
    expect(row.reasons).toContain(open[0].reasons[0].message);
    await screenshots(page, 'quality');
    const dictionary = shopDictionary();
    dictionary.events!.newsletter_signup = {
      description: { en: 'Opted in to the newsletter', zh: '订阅了新闻邮件' },
      properties: { opt_in: { type: 'boolean', description: { en: 'Opted in', zh: '已订阅' } } },
    };
    c.writeDictionary({ ...dictionary, version: 2 });
    await page.click('text=Replay quarantined events');
    await page.fill('dialog input[type=password]', ADMIN_TOKEN);
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('[data-slot="replay-result"] .state.ok');
    expect(await page.locator('[data-slot="replay-result"]').textContent()).toContain('1 moved into the reports');
    await settled(page, '[data-slot="quarantine"] .state.empty');
    expect((await api('/v1/quarantine?site=shop')).items).toHaveLength(0);
    // The admin token was used once and kept nowhere.
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(ADMIN_TOKEN);
  });

  it('renders stored markup (campaign name, page path, page title) as text', async () => {
    await page.goto(pageUrl(c.url, '', {}));
    await settled(page, '[data-table="top-campaigns"]', '[data-table="top-pages"]');
    expect(await page.locator('[data-table="top-campaigns"]').textContent()).toContain(XSS_CAMPAIGN);
    expect(await page.locator('[data-table="top-pages"]').textContent()).toContain(XSS_PATH);
    await page.goto(pageUrl(c.url, 'quality', { status: 'replayed' }));
    await settled(page, '[data-table="quarantine"]');
    await page.click('[data-table="quarantine"] summary');
    expect(await page.locator('[data-table="quarantine"] pre').textContent()).toContain('onerror');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('a refused token sends the user back to sign-in with a message', async () => {
    await page.evaluate(() => sessionStorage.setItem('maidian.readToken', 'revoked-token-0123456789'));
    await page.goto(pageUrl(c.url, 'channels'));
    await page.waitForURL(/\/dashboard\/sign-in\?reason=expired/);
    expect(await page.locator('#main').textContent()).toContain('Please sign in again');
    expect(await page.evaluate(() => sessionStorage.getItem('maidian.readToken'))).toBeNull();
  });

  it('ran without script errors or Content-Security-Policy violations', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
