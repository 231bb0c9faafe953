/**
 * Report latency over HTTP: the real collector, in its own process, on a generated shop of each
 * size (see lib/generate-dataset.ts). The first request refreshes the derived sessions and persons
 * of every visitor (the file comes straight from a bulk load); it is timed on its own with a
 * one-minute range, so that what it reports is the refresh. Then each report is called once to
 * warm up and 5 times more; the median is kept.
 */
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { generateDataset, type Dataset } from './lib/generate-dataset.js';
import { spawnServer, type ServerProcess } from './lib/spawn-server.js';

/** The reports measured, in the order of the table. */
export const REPORTS = ['summary', 'channels', 'funnel (4 steps)', 'attribution last_touch', 'attribution linear', 'attribution markov', 'retention (day, 8 periods)'] as const;
export type ReportName = (typeof REPORTS)[number];

/** One data-set size. */
export interface ReportsBenchRow {
  events: number;
  visitors: number;
  /** Size of the SQLite file as generated, MiB. */
  fileMiB: number;
  /** Generation time, ms (0 when the file came from the cache). */
  generateMs: number;
  /** First report request: refresh of sessions and persons for every visitor, ms. */
  refreshMs: number;
  /** Sessions after the refresh (from the channel report's totals). */
  sessions: number;
  /**
   * Median of 5 runs after one warm-up, ms, per report. A report whose warm-up takes longer than
   * SLOW_MS is timed once (that run); one that takes longer than TIMEOUT_MS is stopped and
   * recorded as Infinity (the collector is restarted, as it cannot be interrupted mid-query).
   */
  ms: Record<ReportName, number>;
  /** Runs behind each figure (5, 1, or 0 when timed out). */
  runs: Record<ReportName, number>;
}

const TOKEN = 'bench-read-token-0123456789';
const RUNS = 5;
/** Past this, one run is the measurement: five more would blow the time budget of `npm run bench`. */
const SLOW_MS = 10_000;
/** Past this, a report is given up on. */
const TIMEOUT_MS = 60_000;
/** The first refresh of a 10M-event file takes minutes; it is what the file needs, so it is waited for. */
const REFRESH_TIMEOUT_MS = 45 * 60_000;

/** Runs the benchmark for each size and returns the timings. */
export async function benchReports(sizes: number[], log: (line: string) => void = () => {}): Promise<ReportsBenchRow[]> {
  const rows: ReportsBenchRow[] = [];
  for (const events of sizes) {
    log(`reports: preparing ${events.toLocaleString('en-US')} events…`);
    const dataset = generateDataset(events);
    rows.push(await benchDataset(dataset, log));
  }
  return rows;
}

async function benchDataset(dataset: Dataset, log: (line: string) => void): Promise<ReportsBenchRow> {
  // The collector writes derived rows into the file: run on a copy so the cached file stays pristine.
  const work = `${dataset.path}.work`;
  copyFileSync(dataset.path, work);
  try {
    const fileMiB = statSync(dataset.path).size / 2 ** 20;
    return { ...(await measureReports(dataset, () => spawnServer('report-server.ts', [work, TOKEN]), log)), fileMiB, generateMs: dataset.ms };
  } finally {
    for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  }
}

/**
 * Times the first request (the refresh) and every report against collectors from `start`, which
 * must serve the data set with read token TOKEN. A report that times out gets a new collector.
 */
export async function measureReports(dataset: Dataset, start: () => Promise<ServerProcess>, log: (line: string) => void): Promise<Omit<ReportsBenchRow, 'fileMiB' | 'generateMs'>> {
  let server = await start();
  try {
    log(`reports: refreshing derived rows of ${dataset.visitors.toLocaleString('en-US')} visitors…`);
    const refreshMs = await timed(() => caller(server.url, dataset).refresh());
    const sessions = await caller(server.url, dataset).sessionCount();
    const ms = {} as Record<ReportName, number>;
    const runs = {} as Record<ReportName, number>;
    for (const name of REPORTS) {
      const call = caller(server.url, dataset);
      const warm = await timed(() => call.report(name)).catch((err: Error) => (err.name === 'TimeoutError' ? Infinity : Promise.reject(err)));
      if (warm === Infinity) {
        // The collector is still busy and cannot be interrupted: start a new one.
        server.child.kill('SIGKILL');
        server = await start();
        [ms[name], runs[name]] = [Infinity, 0];
        log(`reports: ${dataset.events} events, ${name}: gave up after ${TIMEOUT_MS / 1000} s`);
        continue;
      }
      const times = warm > SLOW_MS ? [warm] : [];
      while (times.length < (warm > SLOW_MS ? 1 : RUNS)) times.push(await timed(() => call.report(name)));
      [ms[name], runs[name]] = [median(times), times.length];
      log(`reports: ${dataset.events} events, ${name}: ${ms[name].toFixed(1)} ms (${runs[name]} runs)`);
    }
    return { events: dataset.events, visitors: dataset.visitors, refreshMs, sessions, ms, runs };
  } finally {
    await server.stop();
  }
}

/** The read token the report collectors are started with. */
export const REPORT_TOKEN = TOKEN;

/** The four-step funnel of the benchmark, over the whole data set. */
export function benchFunnelDefinition(d: Dataset) {
  return {
    site: d.site, from: d.firstDay, to: d.lastDay,
    steps: [{ event: 'page_view' }, { event: 'view_product' }, { event: 'add_to_cart' }, { event: 'checkout' }],
    window: { value: 1, unit: 'day' as const },
  };
}

/** The HTTP calls of the benchmark; every answer must be 200, or the benchmark stops with its body. */
function caller(url: string, d: Dataset) {
  const range = `site=${d.site}&from=${d.firstDay}&to=${d.lastDay}`;
  const get = (path: string, timeoutMs = TIMEOUT_MS) => request(`${url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }, timeoutMs);
  const funnel = benchFunnelDefinition(d);
  const paths: Record<ReportName, () => Promise<unknown>> = {
    summary: () => get(`/v1/stats/summary?${range}`),
    channels: () => get(`/v1/reports/channels?${range}`),
    'funnel (4 steps)': () =>
      request(`${url}/v1/funnels/query`, { method: 'POST', body: JSON.stringify(funnel), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }),
    'attribution last_touch': () => get(`/v1/attribution?${range}&model=last_touch`),
    'attribution linear': () => get(`/v1/attribution?${range}&model=linear`),
    'attribution markov': () => get(`/v1/attribution?${range}&model=markov`),
    'retention (day, 8 periods)': () => get(`/v1/reports/retention?site=${d.site}&from=${d.firstDay}&to=${addDays(d.lastDay, -8)}&period=day&periods=8`),
  };
  return {
    report: (name: ReportName) => paths[name](),
    // A one-minute range: the report itself reads almost nothing, the refresh before it does everything.
    refresh: () => get(`/v1/reports/channels?site=${d.site}&from=${d.firstDay}T00:00:00%2B08:00&to=${d.firstDay}T00:01:00%2B08:00`, REFRESH_TIMEOUT_MS),
    sessionCount: async () => {
      const body = (await get(`/v1/reports/channels?${range}`)) as { rows: { sessions: number }[] };
      return body.rows.reduce((sum, r) => sum + r.sessions, 0);
    },
  };
}

/**
 * One HTTP request with node:http (fetch gives up waiting for headers after 5 minutes, and the
 * first refresh of a big file may take longer). Rejects with a TimeoutError after `timeoutMs`.
 */
function request(url: string, init: { method?: string; body?: string; headers: Record<string, string> }, timeoutMs = TIMEOUT_MS): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`${init.method ?? 'GET'} ${url} answered ${res.statusCode}: ${text.slice(0, 500)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer from ${url} within ${timeoutMs} ms`), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(init.body);
  });
}

export async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

// Run directly: `npx tsx bench/reports-bench.ts [sizes…]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.table(await benchReports(sizes.length ? sizes : [100_000], console.log));
}
