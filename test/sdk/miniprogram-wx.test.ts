import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WireEvent } from '../../collector/src/dictionary/events.js';
import { campaignColumns } from '../../collector/src/ingest/enrich/campaign.js';
import { startRecordingServer, waitFor, type RecordingServer } from './helpers/recording-server.js';

/**
 * A simulated WeChat runtime: in-memory storage, `request` doing a real HTTP POST with node's
 * fetch, launch options with a scene and a UTM query, and an `onAppHide` registry to fire.
 */
function fakeWx() {
  const storage = new Map<string, string>();
  const hide: (() => void)[] = [];
  const show: ((o: unknown) => void)[] = [];
  const wx = {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: string) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    request(o: { url: string; method: string; data: string; header: Record<string, string>; success: (r: unknown) => void; fail: (e: unknown) => void }) {
      fetch(o.url, { method: o.method, body: o.data, headers: o.header })
        .then(async (r) => o.success({ statusCode: r.status, header: Object.fromEntries(r.headers), data: await r.text() }))
        .catch(o.fail);
    },
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: { utm_source: 'moments', utm_campaign: 'spring sale' }, scene: 1007 }),
    onAppShow: (f: (o: unknown) => void) => void show.push(f),
    onAppHide: (f: () => void) => void hide.push(f),
    getSystemInfoSync: () => ({ brand: 'Apple', model: 'iPhone 15', system: 'iOS 17.4', platform: 'ios', version: '8.0.50', language: 'zh_CN', screenWidth: 393, screenHeight: 852 }),
  };
  return { wx, storage, hide, show };
}

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

describe('mini-program build in a simulated WeChat runtime', () => {
  it('sends page views from MaidianPage, track, conversion and identify with the launch scene and landing; app hide flushes', async () => {
    const fake = fakeWx();
    (globalThis as { wx?: unknown }).wx = fake.wx;
    const sdk = await import('../../dist/sdk/miniprogram.mjs' as string);
    sdk.init({ site: 'demo', endpoint: server.origin, flushInterval: 60_000 });

    let ownOnShow = 0;
    const pageOptions = sdk.MaidianPage({ data: {}, onShow() { ownOnShow++; } });
    pageOptions.onShow.call({ route: 'pages/goods/detail', options: { id: '42' } });
    expect(ownOnShow).toBe(1); // the page's own onShow still runs

    const comp = sdk.MaidianComponent({ methods: { onShow() { ownOnShow++; } } });
    comp.methods.onShow.call({ route: 'pages/cart/index', options: {} });
    expect(ownOnShow).toBe(2);

    sdk.track('add_to_cart', { sku: 'A1' });
    sdk.conversion({ goal: 'purchase', value: 199, currency: 'CNY', order_id: 'o-1' });
    sdk.identify('u1', { openid: 'oX1', unionid: 'uX1' });
    expect(server.received).toHaveLength(0); // nothing sent before the app hides

    for (const f of fake.hide) f(); // the user leaves the app
    await waitFor(() => server.events().length == 5, 5000, 'five events');
    const events = server.events() as any[];
    expect(events.map((e) => e.event)).toEqual(['page_view', 'page_view', 'add_to_cart', 'conversion', 'identify']);
    expect(server.received[0].contentType).toBe('application/json');
    for (const e of events) {
      expect(WireEvent.safeParse(e).error).toBeUndefined();
      expect(e.context).toMatchObject({
        platform: 'wechat',
        campaign: { scene: 1007, landing: 'pages/index/index?utm_source=moments&utm_campaign=spring%20sale' },
        first: { scene: 1007, landing: 'pages/index/index?utm_source=moments&utm_campaign=spring%20sale' },
        screen: { width: 393, height: 852 },
        locale: 'zh_CN',
      });
      expect(e.context.userAgent).toContain('iPhone 15');
      // what the collector stores from the launch touch
      expect(campaignColumns(e.context.campaign)).toMatchObject({ utm_source: 'moments', utm_campaign: 'spring sale', scene: '1007' });
    }
    expect(events[0].context.page).toEqual({ url: 'pages/goods/detail?id=42', path: 'pages/goods/detail' });
    expect(events[0].sessionStart).toBe(true);
    expect(events[1].context.page.path).toBe('pages/cart/index');
    expect(events[3].props).toEqual({ goal: 'purchase', value: 199, currency: 'CNY', order_id: 'o-1' });
    expect(events[4]).toMatchObject({ userId: 'u1', identities: { openid: 'oX1', unionid: 'uX1' } });
    // the anonymous id lives in wx storage
    expect(fake.storage.get('md_a')).toBe(events[0].anonymousId);
    await waitFor(() => !fake.storage.get('md_q') || fake.storage.get('md_q') == '[]', 2000, 'the stored queue to empty');

    // a later app show from another campaign replaces the last touch, not the first
    for (const f of fake.show) f({ path: 'pages/index/index', query: { utm_source: 'qr' }, scene: 1011 });
    sdk.track('back');
    await sdk.flush();
    const back = server.events().at(-1) as any;
    expect(back.context.campaign).toMatchObject({ scene: 1011, landing: 'pages/index/index?utm_source=qr' });
    expect(campaignColumns(back.context.campaign)).toMatchObject({ utm_source: 'qr', scene: '1011' });
    expect(back.context.first).toMatchObject({ scene: 1007, landing: 'pages/index/index?utm_source=moments&utm_campaign=spring%20sale' });
  });
});
