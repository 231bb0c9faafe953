/**
 * What the script-tag SDK costs the page, in real Chromium, against a local server that records
 * the batches: the script's evaluation up to the first page view being queued, the page load,
 * and main-thread time per tracked event. Each figure has a baseline from the same run — the same
 * page loading an empty script, and a loop calling an empty function — so that what is reported
 * is the SDK's share, not the machine's speed. Five repetitions, each in a fresh browser context
 * (empty storage); medians.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Medians over the repetitions, ms unless the name says µs. */
export interface SdkPageCost {
  /** Script evaluation (end of download → page view queued), empty script vs SDK. */
  evalMs: { baseline: number; sdk: number };
  /** Navigation start → load event end, page with the empty script vs with the SDK. */
  loadMs: { baseline: number; sdk: number };
  /** Synchronous main-thread time per call in a loop of `events` calls. */
  perCallUs: { emptyFunction: number; track: number };
  /** Same, for a loop of 100 calls: the queue is shorter, so each call does less. */
  perCallUs100: { emptyFunction: number; track: number };
  /** Main-thread task time per event of the 100-call loop, from the first call until the server has every batch (CDP TaskDuration). */
  perEventTaskUs: number;
  /** Events in the long loop (not waited for: at the SDK's current cost, delivering them takes minutes). */
  events: number;
  repetitions: number;
}

const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const EVENTS = 1000;
const REPETITIONS = 5;
// maxQueue above the loop lengths: the sends only start once a loop yields, and a full queue
// would drop events and measure the drop path instead.
const SDK_TAG = '<script src="/maidian.js" data-site="bench" data-max-queue="2000"></script>';
const EMPTY_TAG = '<script src="/empty.js"></script>';

/** Runs the measurements; `sdkFile` is the script-tag build (run `npm run build` first). */
export async function benchSdkPageCost(sdkFile = 'dist/sdk/maidian.js', chromiumPath = '/usr/bin/chromium'): Promise<SdkPageCost> {
  const server = await startPageServer(readFileSync(sdkFile));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-agent=${CHROME_UA}`],
  });
  try {
    const reps: Rep[] = [];
    for (let i = 0; i < REPETITIONS; i++) reps.push(await repetition(browser, server));
    const med = (f: (r: Rep) => number) => median(reps.map(f));
    return {
      evalMs: { baseline: med((r) => r.baseline.evalMs), sdk: med((r) => r.sdk.evalMs) },
      loadMs: { baseline: med((r) => r.baseline.loadMs), sdk: med((r) => r.sdk.loadMs) },
      perCallUs: { emptyFunction: med((r) => r.baseline.loopUs), track: med((r) => r.sdk.loopUs) },
      perCallUs100: { emptyFunction: med((r) => r.baseline.loop100Us), track: med((r) => r.sdk.loop100Us) },
      perEventTaskUs: med((r) => r.sdk.taskUs),
      events: EVENTS,
      repetitions: REPETITIONS,
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.http.close(resolve));
  }
}

interface Visit { evalMs: number; loadMs: number; loopUs: number; loop100Us: number; taskUs: number }
interface Rep { baseline: Visit; sdk: Visit }

async function repetition(browser: Browser, server: PageServer): Promise<Rep> {
  return { baseline: await visit(browser, server, false), sdk: await visit(browser, server, true) };
}

/** One page load in a fresh context, then the call loops (track with the SDK, an empty function without). */
async function visit(browser: Browser, server: PageServer, withSdk: boolean): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const before = server.events;
    await page.goto(`${server.url}/${withSdk ? 'sdk' : 'baseline'}`, { waitUntil: 'load' });
    const load = await pageTimings(page, withSdk ? '/maidian.js' : '/empty.js');
    if (withSdk && !load.queued) throw new Error('the SDK had not queued the first page view when its script finished');
    if (withSdk) await waitFor(() => server.events > before, 'the first page view to reach the server');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskBefore = await taskSeconds(cdp);
    const start = server.events;
    const loop100Us = await callLoop(page, 100, withSdk);
    if (withSdk) await waitFor(() => server.events >= start + 100, 'the 100 tracked events to reach the server');
    const taskUs = ((await taskSeconds(cdp)) - taskBefore) * 1e6 / 100;
    const loopUs = await callLoop(page, EVENTS, withSdk);
    return { evalMs: load.evalMs, loadMs: load.loadMs, loopUs, loop100Us, taskUs };
  } finally {
    await context.close();
  }
}

// The page-side code is passed as source text: the TypeScript runner would otherwise wrap named
// functions in a helper that does not exist in the page.
async function pageTimings(page: Page, script: string): Promise<{ evalMs: number; loadMs: number; queued: boolean }> {
  return page.evaluate(`(() => {
    const mark = (n) => performance.getEntriesByName(n, 'mark')[0].startTime;
    const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith(${JSON.stringify(script)}));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      evalMs: mark('script-after') - Math.max(mark('script-before'), res.responseEnd),
      loadMs: nav.loadEventEnd,
      queued: window.__pageViewQueued,
    };
  })()`);
}

/** µs per call of `n` calls in one synchronous loop: maidian('track', …) or an empty function with the same arguments. */
function callLoop(page: Page, n: number, withSdk: boolean): Promise<number> {
  return page.evaluate(`(() => {
    const f = ${withSdk ? 'window.maidian' : 'function () {}'};
    const t0 = performance.now();
    for (let i = 0; i < ${n}; i++) f('track', 'add_to_cart', { product_id: 'tea-' + (i % 40), price: 99, quantity: 1 });
    return ((performance.now() - t0) * 1000) / ${n};
  })()`);
}

async function taskSeconds(cdp: { send(m: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')!.value;
}

interface PageServer { url: string; http: Server; readonly events: number }

/** Serves the two pages, the SDK and an empty script, and counts the events of every batch it receives. */
async function startPageServer(sdk: Buffer): Promise<PageServer> {
  const html = readFileSync(new URL('./fixtures/sdk-page.html', import.meta.url), 'utf8');
  const pages: Record<string, string> = { '/sdk': html.replace('<!--SCRIPT-->', SDK_TAG), '/baseline': html.replace('<!--SCRIPT-->', EMPTY_TAG) };
  let events = 0;
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'POST' && path === '/v1/batch') {
        const batch = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { batch: { id: string }[] }).batch;
        events += batch.length;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ results: batch.map((e, index) => ({ index, id: e.id, status: 'accepted' })) }));
      }
      const body = path === '/maidian.js' ? sdk : path === '/empty.js' ? '' : pages[path];
      if (body === undefined) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, http, get events() { return events; } };
}

async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Run directly: `npx tsx bench/sdk-page-cost.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchSdkPageCost());
}
