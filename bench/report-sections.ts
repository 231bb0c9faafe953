/**
 * The report-latency and SDK page-cost sections of docs/benchmarks.md, for `bench/run.ts`:
 * `for (const s of await reportSections(quick)) section(s.title, s.body);`
 */
import { fmt, markdownTable } from './lib/markdown-table.js';
import { benchReports, REPORTS, type ReportsBenchRow } from './reports-bench.js';
import { benchSdkPageCost, type SdkPageCost } from './sdk-page-cost.js';

/** Runs both benchmarks (10M events only when not `quick`) and renders their sections. */
export async function reportSections(quick: boolean): Promise<{ title: string; body: string }[]> {
  const sizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000];
  const reports = await benchReports(sizes, (line) => console.log(line));
  const page = await benchSdkPageCost();
  return [
    { title: 'Reports', body: reportsBody(reports) },
    { title: 'SDK cost on the page', body: pageBody(page) },
  ];
}

function reportsBody(rows: ReportsBenchRow[]): string {
  const sizeHeaders = rows.map((r) => `${short(r.events)} events ms`);
  const ratioHeaders = rows.slice(1).map((r, i) => `${short(r.events)}/${short(rows[i].events)}`);
  const line = (name: string, value: (r: ReportsBenchRow) => number, runs?: (r: ReportsBenchRow) => number) => [
    name,
    ...rows.map((r) => ms(value(r)) + (runs && runs(r) === 1 ? ' (1 run)' : '')),
    ...rows.slice(1).map((r, i) => ratio(value(r), value(rows[i]))),
  ];
  const table = markdownTable(
    ['', ...sizeHeaders, ...ratioHeaders],
    [
      line('first request: refresh of sessions and persons', (r) => r.refreshMs),
      ...REPORTS.map((name) => line(name, (r) => r.ms[name], (r) => r.runs[name])),
    ],
  );
  const facts = rows.map((r) => `${short(r.events)}: ${fmt(r.visitors)} visitors, ${fmt(r.sessions)} sessions, ${fmt(r.fileMiB)} MiB`).join('; ');
  return (
    'The real collector in its own process on a generated shop (30 days, 7 channels, funnel steps, sign-ups, purchases, 0.5% bots; `bench/lib/generate-dataset.ts`), ' +
    'queried over HTTP for the whole month. The file comes from a bulk load, so the first request refreshes every visitor (timed on its own, with a one-minute range); ' +
    `then each report once to warm up and 5 times more: medians. A report slower than 10 s is timed once; one slower than 60 s is given up on (∞). ` +
    'Ratios: how each figure grows when the data grows ten times (≈ 10 is linear).\n\n' +
    `Data: ${facts}.\n\n${table}\n\nFindings and proposed fixes: docs/performance-notes.md.`
  );
}

function pageBody(c: SdkPageCost): string {
  const table = markdownTable(
    ['', 'baseline', 'with Maidian', 'difference'],
    [
      ['script evaluation until the first page view is queued, ms', fmt(c.evalMs.baseline, 2), fmt(c.evalMs.sdk, 2), fmt(c.evalMs.sdk - c.evalMs.baseline, 2)],
      ['page load (navigation start → load event end), ms', fmt(c.loadMs.baseline, 1), fmt(c.loadMs.sdk, 1), fmt(c.loadMs.sdk - c.loadMs.baseline, 1)],
      ['main thread per call, 100 calls in a loop, µs', fmt(c.perCallUs100.emptyFunction, 2), fmt(c.perCallUs100.track, 1), fmt(c.perCallUs100.track - c.perCallUs100.emptyFunction, 1)],
      [`main thread per call, ${fmt(c.events)} calls in a loop, µs`, fmt(c.perCallUs.emptyFunction, 2), fmt(c.perCallUs.track, 1), fmt(c.perCallUs.track - c.perCallUs.emptyFunction, 1)],
      ['main-thread task time per event, 100 events until delivered, µs', '', fmt(c.perEventTaskUs, 1), ''],
    ],
  );
  return (
    'Real Chromium (headless, desktop Chrome user agent) loading a shop page with the script-tag build, against a local server that records the batches. ' +
    'Baselines from the same run: the same page loading an empty script, and a loop calling an empty function with the same arguments. ' +
    `Each of ${c.repetitions} repetitions uses a fresh browser context (empty storage); medians. ` +
    'Calls are `maidian(\'track\', \'add_to_cart\', {…})`; the task time covers the loop plus batching and sending until the server has all 100 events.\n\n' +
    table
  );
}

function short(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`;
}

function ms(v: number): string {
  return v === Infinity ? '∞ (> 60 s)' : v >= 100 ? fmt(v) : fmt(v, 1);
}

function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `× ${fmt(a / b, 1)}` : '–';
}
