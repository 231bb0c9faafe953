import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WireEvent } from '../../collector/src/dictionary/events.js';
import { campaignColumns } from '../../collector/src/ingest/enrich/campaign.js';
import { clickFlags } from '../../collector/src/ingest/enrich/click-flags.js';
import { startRecordingServer, waitFor, type RecordingServer } from './helpers/recording-server.js';

const SNIPPET = `<script>window.maidian=window.maidian||function(){(maidian.q=maidian.q||[]).push(arguments)}</script>`;
const page = (title: string, body = '') => `<!doctype html><html><head><title>${title}</title>${SNIPPET}
<script>maidian('track','early',{n:1})</script>
<script async src="/maidian.js" data-site="demo" data-key="wk_demo"></script></head><body>${body}
<script>document.addEventListener('click', e => e.preventDefault())</script></body></html>`;

const HOME = page(
  'Home',
  `<a id="out" href="https://example.org/x">Out
     link</a>
   <p><a href="/files/report.pdf">Report</a><a href="/export" download>Export</a></p>
   <nav class="menu"><button id="buy" type="button">Buy now</button></nav>
   <div data-md-event="signup_click" data-md-prop-plan-name="pro"><button><span id="inner">Sign up</span></button></div>`,
);

let server: RecordingServer;
let browser: Browser;
let context: BrowserContext;
let tab: Page;

const flush = () => tab.evaluate(() => (window as any).maidian('flush'));
const named = (name: string) => server.events().filter((e) => e.event == name) as any[];

beforeAll(async () => {
  server = await startRecordingServer({ '/index.html': HOME, '/other.html': page('Other') });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext();
  tab = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('script tag in Chromium', () => {
  it('replays the stub queue and sends the page view with its landing, from which the collector reads the campaign', async () => {
    await tab.goto(`${server.origin}/index.html?utm_source=news&utm_campaign=spring+sale#top`);
    await waitFor(() => tab.evaluate(() => typeof (window as any).maidian.q == 'undefined'), 5000, 'the script');
    await flush();
    const [view] = named('page_view');
    expect(view.context.page).toMatchObject({ path: '/index.html', title: 'Home' });
    expect(view.context.campaign).toMatchObject({ landing: `${server.origin}/index.html?utm_source=news&utm_campaign=spring+sale#top` });
    expect(view.context.first).toEqual(view.context.campaign);
    // what the collector stores from it
    expect(campaignColumns(view.context.campaign)).toMatchObject({ utm_source: 'news', utm_campaign: 'spring sale', click_id: null });
    expect(named('early')[0].props).toEqual({ n: 1 });
    expect(server.received[0].json).toMatchObject({ site: 'demo', key: 'wk_demo' });
    expect(server.received[0].contentType).toMatch(/^text\/plain/);
  });

  it('counts an SPA navigation once, even when the URL is pushed again or replaced', async () => {
    await tab.evaluate(() => {
      history.pushState({}, '', '/pricing');
      history.pushState({}, '', '/pricing');
      history.replaceState({}, '', '/pricing');
    });
    await flush();
    const views = named('page_view');
    expect(views.map((v) => v.context.page.path)).toEqual(['/index.html', '/pricing']);
    expect(views[1].context.page.referrer).toContain('/index.html?utm_source=news');
    // the campaign of the landing stays on later events
    expect(views[1].context.campaign).toEqual(views[0].context.campaign);
    expect(campaignColumns(views[1].context.campaign).utm_source).toBe('news');
  });

  it('captures clicks: links (flags added by the collector), buttons, and data-md-event elements', async () => {
    await tab.click('#out');
    await tab.click('a[href="/files/report.pdf"]');
    await tab.click('a[download]');
    await tab.click('#buy');
    await tab.click('#inner');
    await flush();
    const clicks = named('click');
    // the script trims the text; the collector makes the white space inside it single spaces
    expect(clicks[0].props).toEqual({ tag: 'a', text: 'Out\n     link', selector: 'a#out', href: 'https://example.org/x' });
    expect(clicks[1].props).toEqual({ tag: 'a', text: 'Report', selector: 'p:nth-child(2)>a:nth-child(1)', href: `${server.origin}/files/report.pdf` });
    // <a download> without a file extension: only the attribute tells, so the script sends it
    expect(clicks[2].props).toEqual({ tag: 'a', text: 'Export', selector: 'p:nth-child(2)>a:nth-child(2)', href: `${server.origin}/export`, download: true });
    expect(clicks[3].props).toEqual({ tag: 'button', text: 'Buy now', selector: 'button#buy' });
    expect(clicks).toHaveLength(4); // the marked element sends its own event instead
    expect(named('signup_click')[0].props).toEqual({ plan_name: 'pro' });
    // what the collector stores (the site's hosts do not matter here: the page is on 127.0.0.1)
    const stored = clicks.map((c) => clickFlags(c.props, c.context.page.url, []));
    expect(stored[0]).toMatchObject({ text: 'Out link', outbound: true, download: false });
    expect(stored[1]).toMatchObject({ outbound: false, download: true });
    expect(stored[2]).toMatchObject({ outbound: false, download: true });
    expect(stored[3]).toEqual({ tag: 'button', text: 'Buy now', selector: 'button#buy' });
  });

  it('keeps events while offline and sends them when the browser is back online', async () => {
    await context.setOffline(true);
    await tab.evaluate(() => (window as any).maidian('track', 'while_offline'));
    await flush();
    expect(named('while_offline')).toHaveLength(0);
    await context.setOffline(false);
    await waitFor(() => named('while_offline').length, 5000, 'the offline event');
  });

  it('sends queued events by beacon when the page is left', async () => {
    await tab.evaluate(() => (window as any).maidian('track', 'before_leaving'));
    await tab.goto(`${server.origin}/other.html`);
    await waitFor(() => named('before_leaving').length, 5000, 'the beaconed event');
  });

  it('lets one tab at a time send the shared queue (Web Locks), and every event arrives', async () => {
    const tabs = [await context.newPage(), await context.newPage()];
    for (const t of tabs) {
      await t.goto(`${server.origin}/other.html`);
      await waitFor(() => t.evaluate(() => typeof (window as any).maidian.q == 'undefined'), 5000, 'the script');
      expect(await t.evaluate(() => !!navigator.locks)).toBe(true); // 127.0.0.1 is a secure context
    }
    await Promise.all(tabs.map((t) => t.evaluate(() => (window as any).maidian('flush'))));
    const from = server.received.length;
    // slow answers: without the lock both tabs would read and send the same stored events
    for (let i = 0; i < 6; i++) server.answer(() => ({ status: 200, delayMs: 300 }));
    await tabs[0].evaluate(() => { for (let i = 0; i < 3; i++) (window as any).maidian('track', 'from_tab_a', { i }); });
    await tabs[1].evaluate(() => { for (let i = 0; i < 3; i++) (window as any).maidian('track', 'from_tab_b', { i }); });
    await Promise.all(tabs.map((t) => t.evaluate(() => (window as any).maidian('flush'))));
    server.clearAnswers();
    // Requests (beacons, sent on hide, are not locked by design) never overlap: each one arrives
    // after the one before it was answered, although both tabs flushed at once.
    const requests = server.received.slice(from).filter((r) => !r.beacon);
    expect(requests.length).toBeGreaterThan(0);
    for (let i = 1; i < requests.length; i++) expect(requests[i].at).toBeGreaterThanOrEqual(requests[i - 1].answeredAt!);
    // All 3 + 3 events arrive. A tab that takes the lock just after another may still read events
    // the other has confirmed (browsers pass localStorage changes between tabs with a small
    // delay) and send them again: the collector keeps each id once.
    const ours = server.events().filter((e) => e.event == 'from_tab_a' || e.event == 'from_tab_b');
    expect(new Set(ours.map((e) => e.id)).size).toBe(6);
    for (const t of tabs) await t.close();
  });

  it('resends stored events on the next load; deduplicated on id, each event is stored once', async () => {
    await flush();
    await waitFor(() => tab.evaluate(() => !localStorage.md_q || localStorage.md_q == '[]'), 5000, 'an empty queue');
    server.answer(() => ({ status: 503, headers: { 'Retry-After': '60' } }));
    await tab.evaluate(() => (window as any).maidian('track', 'unlucky'));
    await flush();
    await flush(); // Retry-After holds this one back
    expect(named('unlucky')).toHaveLength(1); // received but answered 503: still stored
    await tab.reload(); // the beacon on page hide and the next page's first flush both send it again
    await waitFor(() => tab.evaluate(() => !localStorage.md_q?.includes('unlucky')), 5000, 'the stored event to be confirmed');
    expect(named('unlucky').length).toBeGreaterThanOrEqual(2);
    await flush();
    const byId = new Map(server.events().map((e) => [e.id, e]));
    const stored = [...byId.values()];
    expect(stored.filter((e) => e.event == 'unlucky')).toHaveLength(1);
    expect(stored.filter((e) => e.event == 'before_leaving')).toHaveLength(1);
    // every event the script sent is valid for the collector's dictionary
    for (const e of stored) expect(WireEvent.safeParse(e).error).toBeUndefined();
  });
});
