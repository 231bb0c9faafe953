import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickFlags, DOWNLOAD_EXTENSIONS } from '../../collector/src/ingest/enrich/click-flags.js';
import { webPlatform } from '../../collector/src/ingest/enrich/web-platform.js';
import { startTestCollector, type TestCollector } from './helpers/test-collector.js';
import { batch, custom, pageView } from './helpers/events.js';

const PAGE = 'https://shop.example.com/products/tea';
const HOSTS = ['shop.example.com', 'www.example.cn'];

describe('clickFlags', () => {
  it('marks http(s) links to other hosts as outbound, and links to the site or the page host as internal', () => {
    // example.org is neither a site host nor the page host: outbound
    expect(clickFlags({ href: 'https://example.org/x' }, PAGE, HOSTS)).toEqual({ href: 'https://example.org/x', outbound: true, download: false });
    // a site host, differently cased, with a port: internal
    expect(clickFlags({ href: 'http://SHOP.example.com:8080/cart' }, PAGE, HOSTS).outbound).toBe(false);
    // www.example.cn is listed; example.cn is the same site once www. is dropped
    expect(clickFlags({ href: 'https://example.cn/' }, PAGE, HOSTS).outbound).toBe(false);
    // not a listed host, but the host of the page itself: internal
    expect(clickFlags({ href: 'https://preview.example.net/a' }, 'https://preview.example.net/b', HOSTS).outbound).toBe(false);
  });

  it('marks downloads by a download attribute the script reported or by the path’s extension', () => {
    // .pdf and .XLSX (case-insensitive) are download extensions; the query does not count
    expect(clickFlags({ href: 'https://shop.example.com/files/report.pdf?v=2' }, PAGE, HOSTS)).toMatchObject({ outbound: false, download: true });
    expect(clickFlags({ href: 'https://cdn.example.org/price-list.XLSX' }, PAGE, HOSTS)).toMatchObject({ outbound: true, download: true });
    // no extension, but <a download>: the script sent download: true
    expect(clickFlags({ href: 'https://shop.example.com/export', download: true }, PAGE, HOSTS).download).toBe(true);
    // ".pdf" inside the path but not at its end, and a page: no download
    expect(clickFlags({ href: 'https://shop.example.com/pdf.guide/intro' }, PAGE, HOSTS).download).toBe(false);
    expect(DOWNLOAD_EXTENSIONS.test('/a.html')).toBe(false);
  });

  it('gives links that are not http(s), and buttons, no flags', () => {
    expect(clickFlags({ href: 'mailto:sales@example.com', tag: 'a' }, PAGE, HOSTS)).toEqual({ href: 'mailto:sales@example.com', tag: 'a' });
    expect(clickFlags({ tag: 'button', text: 'Buy' }, PAGE, HOSTS)).toEqual({ tag: 'button', text: 'Buy' });
  });

  it('keeps an outbound flag an older script sent, and makes white space in the text single spaces', () => {
    // an older script said outbound: false for this link; the collector does not overrule it
    expect(clickFlags({ href: 'https://example.org/x', outbound: false }, PAGE, HOSTS).outbound).toBe(false);
    // "  Out\n     link  " → "Out link"
    expect(clickFlags({ text: '  Out\n     link  ' }, PAGE, HOSTS).text).toBe('Out link');
  });
});

describe('webPlatform', () => {
  const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
  const WECHAT_PC = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0 Safari/537.36 MicroMessenger/7.0.20 NetType/WIFI WindowsWechat';
  const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
  it('stores mobile and in-app browsers as h5, desktop browsers as web, and keeps other platforms', () => {
    expect(webPlatform('web', IPHONE)).toBe('h5'); // "Mobile/15E148"
    expect(webPlatform('web', WECHAT_PC)).toBe('h5'); // WeChat's in-app browser on a PC
    expect(webPlatform('web', DESKTOP)).toBe('web');
    expect(webPlatform('web', null)).toBe('web');
    expect(webPlatform('wechat', IPHONE)).toBe('wechat');
    expect(webPlatform('h5', DESKTOP)).toBe('h5'); // an older script decided itself
  });
});

describe('ingest of clicks and web platforms', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector();
  });
  afterAll(() => c.stop());

  it('stores the derived click flags in props and h5 for a phone’s browser', async () => {
    const now = Date.now();
    const out = custom(now, 'click', { tag: 'a', text: 'Partner\n  shop', selector: 'a#partner', href: 'https://partner.example.org/' });
    const pdf = custom(now, 'click', { tag: 'a', text: 'Report', selector: 'p>a:nth-child(1)', href: 'https://shop.example.com/files/report.pdf' });
    const desktop = await c.post('/v1/batch', batch([out, pdf], now));
    expect(desktop.status).toBe(200);
    const phone = pageView(now, '/m');
    const mobile = await c.post('/v1/batch', batch([phone], now), { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36' });
    expect(mobile.status).toBe(200);
    const rows = c.query<{ id: string; platform: string; props: string }>('SELECT id, platform, props FROM events ORDER BY seq');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(JSON.parse(byId.get(out.id)!.props)).toEqual({ tag: 'a', text: 'Partner shop', selector: 'a#partner', href: 'https://partner.example.org/', outbound: true, download: false });
    expect(JSON.parse(byId.get(pdf.id)!.props)).toMatchObject({ outbound: false, download: true });
    expect(byId.get(out.id)!.platform).toBe('web'); // the test collector posts with a desktop Chrome UA
    expect(byId.get(phone.id)!.platform).toBe('h5');
  });
});
