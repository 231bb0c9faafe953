/**
 * One visitor's journey through the demo shop, in real Chromium, against a real collector on a
 * fresh SQLite file: arrival from a Baidu ad, the client-routed members' section, a product, the
 * cart, signup, a purchase, a spell offline, and leaving. Then the stored events, their campaign
 * and identity fields, and the summary report are compared with what the journey must produce,
 * written out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/launch-chromium.js';
import { startDemoStack, type DemoStack } from './support/start-demo-stack.js';
import { ensureSdkBuilt } from './support/ensure-sdk-built.js';
import { eventPairs as pairs, storedEvents, waitForStored, type StoredEvent } from './support/stored-events.js';
import { screenshot } from './support/artifacts.js';

/**
 * What the journey must leave in the database, in order: [event, path]. Link and button clicks
 * are captured automatically (`click`) on the page they happen on; an element marked with
 * data-md-event sends its own event instead. Each page load starts with its page view; calls the
 * page makes itself (view_product, begin_checkout) follow it.
 */
const ARRIVAL: [string, string][] = [
  ['page_view', '/'],
  ['click', '/'], // newsletter "订阅 Subscribe" (a submit button)
  ['newsletter_subscribe', '/'],
  ['click', '/'], // header link "会员中心 Members"
  ['page_view', '/app/'],
];
const MEMBERS_SECTION: [string, string][] = [
  ['click', '/app/'], // Orders
  ['page_view', '/app/orders'],
  ['click', '/app/orders'], // Rewards
  ['page_view', '/app/rewards'],
  ['click', '/app/rewards'], // Rewards again: the same URL, so no second page view
];
const PURCHASE: [string, string][] = [
  ['click', '/app/rewards'], // header link "茶品 Teas"
  ['page_view', '/products.html'],
  ['click', '/products.html'], // West Lake Longjing
  ['page_view', '/product.html'],
  ['view_product', '/product.html'],
  ['add_to_cart', '/product.html'], // data-md-event button: no generic click
  ['click', '/product.html'], // header link "注册 Sign up"
  ['page_view', '/signup.html'],
  ['click', '/signup.html'], // submit button
  ['identify', '/signup.html'],
  ['signup', '/signup.html'],
  ['click', '/signup.html'], // "去结算 Go to checkout"
  ['page_view', '/checkout.html'],
  ['begin_checkout', '/checkout.html'],
  ['click', '/checkout.html'], // "提交订单 Place order"
  ['conversion', '/checkout.html'],
  ['newsletter_subscribe', '/checkout.html'], // data-md-event button: no generic click
  ['click', '/checkout.html'], // "查看我的订单 See my orders" → /app/orders (a new document)
  ['page_view', '/app/orders'],
];
const OFFLINE: [string, string][] = [
  ['click', '/app/orders'], // Rewards
  ['page_view', '/app/rewards'],
  ['click', '/app/rewards'], // Settings
  ['page_view', '/app/settings'],
];
const LEAVING: [string, string][] = [
  ['click', '/app/settings'], // Overview, then the visitor leaves at once: only the beacon can carry these
  ['page_view', '/app/'],
];

// West Lake Longjing costs ¥168; orders from ¥99 ship free, so the order is worth 168 + 0 = 168 CNY.
const ORDER_VALUE = 168;

/** What the visitor saw that the assertions need. */
interface Journey {
  startedAt: number;
  memberId: string;
  orderId: string;
  rows: StoredEvent[];
}

/** Steps 1 and 2: arrival from the ad, then the client-routed members' section. */
async function arriveAndBrowseMembers(stack: DemoStack, page: Page): Promise<void> {
  await page.goto(`${stack.demoUrl}/?utm_source=baidu&utm_medium=cpc&utm_campaign=spring_sale`);
  await page.fill('#newsletter-form input[name=email]', 'lin.mei@example.com');
  await page.click('#newsletter-form button');
  await page.waitForSelector('#newsletter-thanks:not([hidden])');
  await screenshot(page, '01-landing');
  await page.click('header a[href="/app/"]');
  await page.waitForURL('**/app/');
  await page.click('#nav-orders');
  await page.waitForURL('**/app/orders');
  await page.click('#nav-rewards');
  await page.waitForURL('**/app/rewards');
  await page.click('#nav-rewards');
  await screenshot(page, '02-members-rewards');
  // Nothing leaves this document yet: the SDK's interval flush (≤ 5 s) delivers these.
  const rows = await waitForStored(stack, ARRIVAL.length + MEMBERS_SECTION.length, 'the arrival and the members section');
  expect(pairs(rows)).toEqual([...ARRIVAL, ...MEMBERS_SECTION]);
}

/** Step 3: a product, the cart, signup, checkout and the purchase; returns member and order ids. */
async function buyTea(stack: DemoStack, page: Page): Promise<{ memberId: string; orderId: string }> {
  await page.click('header a[href="/products.html"]');
  await page.click('#product-longjing');
  await page.waitForSelector('#product:not([hidden])');
  await page.click('#add-to-cart');
  await page.waitForSelector('#added:not([hidden])');
  await screenshot(page, '03-product');
  await page.click('header a[href="/signup.html"]');
  await page.fill('input[name=email]', 'lin.mei@example.com');
  await page.selectOption('select[name=city]', 'hangzhou');
  await page.click('#signup-submit');
  const memberId = (await page.textContent('#user-id'))!;
  await page.click('#go-checkout');
  await page.waitForSelector('#place-order:not([hidden])');
  expect(await page.textContent('#total')).toBe('¥168');
  await page.click('#place-order');
  const orderId = (await page.textContent('#order-id'))!;
  await page.click('#subscribe');
  await page.waitForSelector('#subscribed:not([hidden])');
  await screenshot(page, '04-order-confirmed');
  await page.click('#see-orders');
  await page.waitForURL('**/app/orders');
  const rows = await waitForStored(stack, ARRIVAL.length + MEMBERS_SECTION.length + PURCHASE.length, 'the purchase journey');
  expect(pairs(rows)).toEqual([...ARRIVAL, ...MEMBERS_SECTION, ...PURCHASE]);
  return { memberId, orderId };
}

/** Step 4: offline, the events wait in the SDK's queue, and go once the connection is back. */
async function browseOffline(stack: DemoStack, context: BrowserContext, page: Page): Promise<void> {
  const before = pairs(storedEvents(stack));
  await context.setOffline(true);
  await page.click('#nav-rewards');
  await page.click('#nav-settings');
  // The SDK's stored queue (localStorage md_q) holds them.
  const queued = () => (JSON.parse(localStorage.getItem('md_q') || '[]') as unknown[]).length;
  expect(await page.evaluate(queued)).toBeGreaterThanOrEqual(OFFLINE.length);
  expect(pairs(storedEvents(stack))).toEqual(before);
  await context.setOffline(false);
  const rows = await waitForStored(stack, before.length + OFFLINE.length, 'the events made offline');
  expect(pairs(rows)).toEqual([...before, ...OFFLINE]);
}

/** Step 5: one more view, then the visitor leaves at once; pagehide beacons the last events. */
async function leave(stack: DemoStack, page: Page): Promise<StoredEvent[]> {
  const before = storedEvents(stack).length;
  await page.click('#nav-home');
  await page.goto('about:blank');
  await page.close();
  return waitForStored(stack, before + LEAVING.length, 'the events beaconed on leaving');
}

describe('a visitor from a Baidu ad who buys tea', () => {
  let stack: DemoStack;
  let browser: Browser;
  let journey: Journey;

  beforeAll(async () => {
    ensureSdkBuilt();
    stack = await startDemoStack();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const startedAt = Date.now();
    await arriveAndBrowseMembers(stack, page);
    const { memberId, orderId } = await buyTea(stack, page);
    await browseOffline(stack, context, page);
    const rows = await leave(stack, page);
    await context.close();
    journey = { startedAt, memberId, orderId, rows };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('stores every event of the journey exactly once, at the time it happened', () => {
    // Read again: anything that came in after the journey's last wait counts too.
    const rows = storedEvents(stack);
    expect(pairs(rows)).toEqual([...ARRIVAL, ...MEMBERS_SECTION, ...PURCHASE, ...OFFLINE, ...LEAVING]);
    // That list has each event once: beacons and resends after them (the SDK keeps beaconed
    // events until a request confirms them) were deduplicated on their ids.
    // Browser and collector share a clock, so the skew correction is only the transit time.
    for (const r of rows) expect(Math.abs(r.ts - r.client_ts), r.event).toBeLessThan(2_000);
    // One visitor in one session, a person, not a bot.
    expect(new Set(rows.map((r) => r.anonymous_id)).size).toBe(1);
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(1);
    expect(rows.filter((r) => r.is_bot !== 0).map((r) => [r.event, r.path])).toEqual([]);
  });

  it('keeps the Baidu ad as campaign and first touch: Paid Search', () => {
    // Internal navigation never replaces the last touch; baidu is a search site and cpc is paid.
    for (const r of journey.rows) {
      expect([r.utm_source, r.utm_medium, r.utm_campaign, r.source, r.medium, r.channel], `${r.event} ${r.path}`).toEqual(
        ['baidu', 'cpc', 'spring_sale', 'baidu', 'cpc', 'Paid Search'],
      );
      expect(JSON.parse(r.first_touch ?? '{}')).toMatchObject({ utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring_sale' });
    }
  });

  it('carries the user id from identify on, and stores the email only hashed', () => {
    const { rows, memberId } = journey;
    expect(memberId).toMatch(/^m_[0-9a-f]{12}$/);
    const at = rows.findIndex((r) => r.event === 'identify');
    expect(rows.slice(0, at).map((r) => r.user_id)).toEqual(Array(at).fill(null));
    expect(rows.slice(at).map((r) => r.user_id)).toEqual(Array(rows.length - at).fill(memberId));
    expect(rows[at].props).not.toContain('lin.mei@example.com');
    expect(JSON.parse(rows[at].props)).toMatchObject({ city: 'hangzhou', $identities: { email: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } });
  });

  it("stores the pages' properties and the purchase with its value", () => {
    const { rows, orderId } = journey;
    const propsOf = (name: string) => rows.filter((r) => r.event === name).map((r) => JSON.parse(r.props));
    expect(propsOf('view_product')).toEqual([{ product_id: 'longjing', category: 'green', price: 168, currency: 'CNY' }]);
    expect(propsOf('add_to_cart')).toEqual([{ product_id: 'longjing', category: 'green' }]);
    expect(propsOf('signup')).toEqual([{ method: 'email' }]);
    expect(propsOf('newsletter_subscribe')).toEqual([{ placement: 'landing' }, { placement: 'order_confirmation' }]);
    expect(propsOf('begin_checkout')).toEqual([{ value: ORDER_VALUE, currency: 'CNY', items: 1 }]);
    const conversion = rows.find((r) => r.event === 'conversion')!;
    expect([conversion.goal, conversion.revenue, conversion.currency, conversion.order_id]).toEqual(['purchase', ORDER_VALUE, 'CNY', orderId]);
    expect(rows.find((r) => r.event === 'view_product')!.url).toBe(`${stack.demoUrl}/product.html?id=longjing`);
  });

  it('quarantines nothing: the demo dictionary declares all the demo sends', () => {
    expect(stack.query('SELECT qid, event, reasons FROM quarantine')).toEqual([]);
  });

  it('reports the journey in /v1/stats/summary', async () => {
    const from = new Date(journey.startedAt - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await fetch(`${stack.collectorUrl}/v1/stats/summary?site=demo&from=${from}&to=${to}`, {
      headers: { Authorization: `Bearer ${stack.credentials.readToken}` },
    });
    expect(res.status).toBe(200);
    // Page views: the 12 page_view rows of the journey (/, /app/ ×2, /app/orders ×2,
    // /app/rewards ×2, /products.html, /product.html, /signup.html, /checkout.html,
    // /app/settings). One visitor, one session; one purchase of 168 CNY, so the conversion rate
    // is 1 converting session / 1 session = 1.
    expect(await res.json()).toMatchObject({
      site: 'demo',
      pageviews: 12,
      visitors: 1,
      sessions: 1,
      conversions: 1,
      conversionRate: 1,
      revenue: [{ currency: 'CNY', amount: ORDER_VALUE }],
      // Most viewed first; ties by visitors, then by path (byte order: "." sorts before "s").
      topPages: [
        { path: '/app/', pageviews: 2, visitors: 1 },
        { path: '/app/orders', pageviews: 2, visitors: 1 },
        { path: '/app/rewards', pageviews: 2, visitors: 1 },
        { path: '/', pageviews: 1, visitors: 1 },
        { path: '/app/settings', pageviews: 1, visitors: 1 },
        { path: '/checkout.html', pageviews: 1, visitors: 1 },
        { path: '/product.html', pageviews: 1, visitors: 1 },
        { path: '/products.html', pageviews: 1, visitors: 1 },
        { path: '/signup.html', pageviews: 1, visitors: 1 },
      ],
      topChannels: [{ channel: 'Paid Search', sessions: 1, visitors: 1, conversions: 1 }],
    });
  });
});
