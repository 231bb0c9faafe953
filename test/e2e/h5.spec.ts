/**
 * The H5 campaign page, opened on a phone from a WeChat share: it bundles the SDK's npm (ESM)
 * build, calls init() and track() itself, and its events reach the collector as platform `h5`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, visitorUserAgent } from './support/launch-chromium.js';
import { startDemoStack, type DemoStack } from './support/start-demo-stack.js';
import { ensureSdkBuilt } from './support/ensure-sdk-built.js';
import { eventPairs, waitForStored } from './support/stored-events.js';
import { screenshot } from './support/artifacts.js';

describe('the H5 campaign page (npm build of the SDK)', () => {
  let stack: DemoStack;
  let browser: Browser;

  beforeAll(async () => {
    ensureSdkBuilt();
    stack = await startDemoStack();
    browser = await launchChromium(visitorUserAgent('Linux; Android 14; Pixel 8', true));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("delivers the page's own track() call, with the page view and the click", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const sdkModule = page.waitForResponse((r) => r.url() === `${stack.demoUrl}/sdk/index.mjs`);

    await page.goto(`${stack.demoUrl}/h5.html?utm_source=wechat&utm_medium=social&utm_campaign=spring_festival`);
    expect((await sdkModule).status()).toBe(200);
    await page.click('#claim');
    await page.waitForSelector('#claimed:not([hidden])');
    await screenshot(page, 'h5-coupon-claimed');
    // Leaving hides the page: the SDK beacons what is queued.
    await page.goto('about:blank');
    await context.close();

    // page_view on load (autoPageviews), then the button: the capture-phase click listener
    // records `click` before the page's own handler calls track('coupon_claim').
    const expected: [string, string][] = [
      ['page_view', '/h5.html'],
      ['click', '/h5.html'],
      ['coupon_claim', '/h5.html'],
    ];
    const rows = await waitForStored(stack, expected.length, 'the H5 events');
    expect(eventPairs(rows)).toEqual(expected);

    // A phone's browser (user agent with "Mobile"): platform h5, a mobile device, not a bot.
    // wechat is a social site and the medium is social: Organic Social.
    for (const r of rows) {
      expect([r.platform, r.device_type, r.is_bot, r.source, r.medium, r.channel], r.event).toEqual(
        ['h5', 'mobile', 0, 'wechat', 'social', 'Organic Social'],
      );
    }
    expect(JSON.parse(rows[2].props)).toEqual({ coupon: 'SPRING20', placement: 'h5_spring_festival' });
    expect(stack.query('SELECT qid, event, reasons FROM quarantine')).toEqual([]);
  }, 60_000);
});
