/**
 * The ClickHouse engine measured beside the SQLite engine and direct queries, in the same run:
 *
 * - Ingest: the collector on ClickHouse, the collector on SQLite and the parse-only server, the
 *   same bodies over HTTP (8 connections, batches of 20 and 100).
 * - Migration: `importSqlite` copying each generated data set into ClickHouse (events per second).
 * - Reports: the collector on ClickHouse, over HTTP, on the same data sets as the SQLite report
 *   benchmark (bench/reports-bench.ts): the first request (refresh of derived rows), then each
 *   report, medians of 5.
 * - Funnel overhead: the four-step funnel through the API against the very SQL it runs, executed
 *   by clickhouse-client on the same server (the server's own elapsed time, `--time`).
 *
 * A real ClickHouse server (Debian's package) is started on loopback for the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseDb } from '../collector/src/storage/clickhouse/clickhouse-db.js';
import { importSqlite } from '../collector/src/storage/clickhouse/import-sqlite/import-sqlite.js';
import { defaultModeFunnelSql } from '../collector/src/storage/clickhouse/analytics/funnels/get-funnel.js';
import { startClickHouse, type ClickHouseServer } from '../test/setup/clickhouse-server.js';
import { generateDataset } from './lib/generate-dataset.js';
import { driveLoad, type LoadResult } from './lib/drive-load.js';
import { spawnServer } from './lib/spawn-server.js';
import { makeWireEvents } from './lib/wire-events.js';
import { bodiesFor } from './ingest-bench.js';
import { benchFunnelDefinition, measureReports, median, REPORT_TOKEN, REPORTS, type ReportsBenchRow } from './reports-bench.js';
import { fmt, markdownTable } from './lib/markdown-table.js';

export interface ClickHouseIngestRow {
  batchSize: number;
  clickhouse: LoadResult;
  sqlite: LoadResult;
  parseOnly: LoadResult;
  /** Events in ClickHouse after the collector stopped (its buffer flushed), minus the warm-up. */
  stored: number;
  peakRssMiB: number;
}

export interface ClickHouseReportsRow extends Omit<ReportsBenchRow, 'fileMiB' | 'generateMs'> {
  importMs: number;
  /** The funnel's own SQL run by clickhouse-client: client-reported elapsed time, median of 5, ms. */
  funnelDirectMs: number;
  /**
   * A plain windowFunnel query over the same events (levels per person, then persons per level),
   * as one would write it by hand: the baseline of what ClickHouse's own function costs. It
   * gives step counts only (no times to convert, no breakdown) and works in whole seconds.
   */
  plainWindowFunnelMs: number;
}

export interface ClickHouseBench {
  version: string;
  ingest: ClickHouseIngestRow[];
  reports: ClickHouseReportsRow[];
}

const EVENTS: Record<number, number> = { 20: 40_000, 100: 60_000 };

export async function benchClickHouse(sizes: number[], log: (line: string) => void = () => {}): Promise<ClickHouseBench> {
  const cluster = await startClickHouse();
  const server = cluster.servers[0];
  const dir = mkdtempSync(join(tmpdir(), 'maidian-bench-ch-'));
  try {
    const ch = new ClickHouseDb({ urls: [server.httpUrl], database: 'default', cluster: null });
    const version = (await ch.rows<{ v: string }>('SELECT version() AS v'))[0].v;
    await ch.close();
    const ingest = await benchIngest(server, dir, log);
    const reports: ClickHouseReportsRow[] = [];
    for (const events of sizes) reports.push(await benchReports(server, dir, events, log));
    return { version, ingest, reports };
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchIngest(server: ClickHouseServer, dir: string, log: (line: string) => void): Promise<ClickHouseIngestRow[]> {
  const rows: ClickHouseIngestRow[] = [];
  const parseOnly = await spawnServer('parse-only-server.ts');
  try {
    for (const size of [20, 100]) {
      const warm = bodiesFor(makeWireEvents(20 * size, 2000 + size), size);
      const bodies = bodiesFor(makeWireEvents(EVENTS[size], 3000 + size), size);
      await driveLoad(parseOnly.url, warm, size);
      const base = await driveLoad(parseOnly.url, bodies, size);
      const sqliteServer = await spawnServer('collector-server.ts', [join(dir, `ingest-${size}.db`)]);
      await driveLoad(sqliteServer.url, warm, size);
      const sqlite = await driveLoad(sqliteServer.url, bodies, size);
      await sqliteServer.stop();
      const database = `ingest_${size}`;
      const collector = await spawnServer('collector-server.ts', [join(dir, 'unused.db')], clickHouseEnv(server, database, join(dir, `buffer-${size}`)));
      await driveLoad(collector.url, warm, size);
      const clickhouse = await driveLoad(collector.url, bodies, size);
      const peakRssMiB = collector.peakRssMiB();
      await collector.stop();
      const ch = new ClickHouseDb({ urls: [server.httpUrl], database, cluster: null });
      const stored = (await ch.rows<{ n: number }>('SELECT count() AS n FROM {table:events} FINAL'))[0].n - warm.length * size;
      await ch.close();
      log(`clickhouse ingest, batch ${size}: ${clickhouse.eventsPerSecond.toFixed(0)} ev/s (sqlite ${sqlite.eventsPerSecond.toFixed(0)}, parse-only ${base.eventsPerSecond.toFixed(0)})`);
      rows.push({ batchSize: size, clickhouse, sqlite, parseOnly: base, stored, peakRssMiB });
    }
  } finally {
    await parseOnly.stop();
  }
  return rows;
}

async function benchReports(server: ClickHouseServer, dir: string, events: number, log: (line: string) => void): Promise<ClickHouseReportsRow> {
  const dataset = generateDataset(events);
  const database = `reports_${events}`;
  const ch = new ClickHouseDb({ urls: [server.httpUrl], database, cluster: null });
  try {
    log(`clickhouse reports: copying ${events.toLocaleString('en-US')} events from SQLite…`);
    const t0 = performance.now();
    const copied = await importSqlite(ch, { sqlitePath: dataset.path });
    const importMs = performance.now() - t0;
    if (!copied.complete) throw new Error('the import stopped before the end');
    const env = clickHouseEnv(server, database, join(dir, `buffer-${database}`));
    const measured = await measureReports(dataset, () => spawnServer('report-server.ts', [join(dir, 'unused.db'), REPORT_TOKEN], env), log);
    const def = benchFunnelDefinition(dataset);
    const sql = defaultModeFunnelSql(ch, {
      site: def.site,
      from: Date.parse(`${def.from}T00:00:00+08:00`),
      to: Date.parse(`${def.to}T00:00:00+08:00`) + 86_400_000,
      definition: { steps: def.steps, window: def.window, countBy: 'person', mode: 'default' },
    });
    const funnelDirectMs = median(Array.from({ length: 5 }, () => clientElapsedMs(server, database, sql)));
    const plain = plainWindowFunnelSql(def.steps.map((s) => s.event), 86_400, sql);
    const plainWindowFunnelMs = median(Array.from({ length: 5 }, () => clientElapsedMs(server, database, plain)));
    log(`clickhouse reports: ${events} events, funnel direct ${funnelDirectMs.toFixed(1)} ms vs API ${measured.ms['funnel (4 steps)'].toFixed(1)} ms`);
    return { ...measured, importMs, funnelDirectMs, plainWindowFunnelMs };
  } finally {
    await ch.run(`DROP DATABASE IF EXISTS ${database}`).catch(() => {});
    await ch.close();
  }
}

/**
 * The hand-written windowFunnel query for `steps`, over the same rows as the funnel's own SQL
 * (its WHERE clause is reused: site, range, humans, derived persons, no flagged sessions).
 */
function plainWindowFunnelSql(steps: string[], windowSeconds: number, funnelSql: string): string {
  const where = /FROM (\S+\.events) FINAL\s+(WHERE[\s\S]*?)\n\s*GROUP BY unit/.exec(funnelSql);
  if (!where) throw new Error('the funnel SQL has no recognisable events scan');
  const conds = steps.map((e) => `event = '${e}'`).join(', ');
  return `SELECT level, count() AS persons FROM (
  SELECT person_id, windowFunnel(${windowSeconds})(toDateTime(intDiv(ts, 1000)), ${conds}) AS level
  FROM ${where[1]} FINAL ${where[2]}
  GROUP BY person_id) GROUP BY level ORDER BY level`;
}

/** Runs `sql` with clickhouse-client and returns the server's elapsed time, ms. */
function clientElapsedMs(server: ClickHouseServer, database: string, sql: string): number {
  const run = spawnSync('clickhouse-client', ['--port', String(server.tcpPort), '--database', database, '--time', '--format', 'Null', '--query', sql], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`clickhouse-client failed: ${run.stderr}`);
  const seconds = Number(run.stderr.trim().split('\n').pop());
  if (!Number.isFinite(seconds)) throw new Error(`clickhouse-client --time printed no time: ${run.stderr}`);
  return seconds * 1000;
}

function clickHouseEnv(server: ClickHouseServer, database: string, bufferDir: string): Record<string, string> {
  return { MAIDIAN_STORE: 'clickhouse', MAIDIAN_CLICKHOUSE_URL: server.httpUrl, MAIDIAN_CLICKHOUSE_DATABASE: database, MAIDIAN_BUFFER_DIR: bufferDir };
}


/** The ClickHouse section of docs/benchmarks.md. */
export function clickHouseSection(r: ClickHouseBench): string {
  const ingest = markdownTable(
    ['batch', 'ClickHouse collector ev/s', 'SQLite collector ev/s', 'parse-only ev/s', 'ClickHouse / parse-only', 'ClickHouse / SQLite', 'p50 ms', 'p99 ms', 'stored / sent', 'peak RSS MiB'],
    r.ingest.map((i) => [
      i.batchSize, fmt(i.clickhouse.eventsPerSecond), fmt(i.sqlite.eventsPerSecond), fmt(i.parseOnly.eventsPerSecond),
      `${fmt((100 * i.clickhouse.eventsPerSecond) / i.parseOnly.eventsPerSecond)}%`, `${fmt((100 * i.clickhouse.eventsPerSecond) / i.sqlite.eventsPerSecond)}%`,
      fmt(i.clickhouse.p50ms, 1), fmt(i.clickhouse.p99ms, 1), `${fmt(i.stored)} / ${fmt(i.clickhouse.events)}`, fmt(i.peakRssMiB),
    ]),
  );
  const sizes = r.reports.map((x) => `${fmt(x.events)} events ms`);
  const reports = markdownTable(['', ...sizes], [
    ['copy from SQLite (maidian-migrate-clickhouse), events/s', ...r.reports.map((x) => fmt(x.events / (x.importMs / 1000)))],
    ['first request: refresh of sessions and persons', ...r.reports.map((x) => fmt(x.refreshMs))],
    ...REPORTS.map((name) => [name, ...r.reports.map((x) => fmt(x.ms[name], x.ms[name] >= 100 ? 0 : 1) + (x.runs[name] === 1 ? ' (1 run)' : ''))]),
    ['funnel (4 steps): its SQL run by clickhouse-client', ...r.reports.map((x) => fmt(x.funnelDirectMs, 1))],
    ['funnel: API / direct', ...r.reports.map((x) => `× ${fmt(x.ms['funnel (4 steps)'] / x.funnelDirectMs, 2)}`)],
    ['plain windowFunnel query (step counts only), clickhouse-client', ...r.reports.map((x) => fmt(x.plainWindowFunnelMs, 1))],
    ['funnel: API / plain windowFunnel', ...r.reports.map((x) => `× ${fmt(x.ms['funnel (4 steps)'] / x.plainWindowFunnelMs, 2)}`)],
  ]);
  return (
    `ClickHouse ${r.version} (Debian's package), one server on loopback started for the run, on the same 2-core machine as the collector and the load generator (\`bench/clickhouse-bench.ts\`).\n\n` +
    '**Ingest.** The same bodies over HTTP, 8 keep-alive connections, to the collector on ClickHouse, the collector on SQLite and the parse-only server, in the same run. ' +
    'On ClickHouse a batch is acknowledged once fsynced to the local buffer; the count of stored events is taken after the collector stopped and its buffer was flushed.\n\n' +
    `${ingest}\n\n` +
    '**Reports.** The generated shop of the SQLite report benchmark, copied into ClickHouse with the migration tool, then the collector on ClickHouse in its own process, over HTTP, as for SQLite: ' +
    'the first request refreshes every visitor; then each report once to warm up and 5 times more (medians). ' +
    'The funnel rows compare the API (HTTP, buffer flush, refresh check, summary in TypeScript) with the very SQL it runs, executed by clickhouse-client against the same server (client-reported elapsed time, median of 5), ' +
    'and with a plain windowFunnel query over the same rows, as one would write it by hand: it gives only how many persons reached each step (no median times, no breakdown) and works in whole seconds.\n\n' +
    reports
  );
}

// Run directly: `npx tsx bench/clickhouse-bench.ts [sizes…]` prints the section.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const result = await benchClickHouse(sizes.length ? sizes : [100_000], console.log);
  console.log(JSON.stringify(result));
  console.log(`\n${clickHouseSection(result)}`);
}
