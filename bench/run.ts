/**
 * `npm run bench`: measures Maidian beside baselines taken in the same run (the machine is
 * shared and noisy, so absolute figures move; ratios are what to compare), prints the tables and
 * writes docs/benchmarks.md. `npm run bench -- --quick` skips the 10M-event sizes.
 */
import { writeFileSync } from 'node:fs';
import { benchFunnel } from './funnel-bench.js';
import { benchIngest } from './ingest-bench.js';
import { benchClickHouse, clickHouseSection } from './clickhouse-bench.js';
import { alertsAudiencesSection, benchAlertsAudiences } from './alerts-audiences-bench.js';
import { loadTest } from './load-test.js';
import { reportSections } from './report-sections.js';
import { fmt, markdownTable } from './lib/markdown-table.js';
import { describeMachine } from './lib/machine.js';
import { benchSdkSize, type SizeRow } from './sdk-size.js';

const quick = process.argv.includes('--quick');
const sections: string[] = [];
const section = (title: string, body: string) => {
  const text = `## ${title}\n\n${body}\n`;
  console.log(`\n${text}`);
  sections.push(text);
};

const sizes = benchSdkSize();
const sizeRows = (rows: SizeRow[]) => rows.map((r) => [r.name, `\`${r.file}\``, fmt(r.raw), fmt(r.gzip), fmt(r.brotli)]);
section(
  'SDK size',
  `Minified as shipped; gzip level 9, brotli quality 11. Budget: script tag ≤ 3,072 bytes gzip (aim 2 KB), enforced by test/sdk/size.test.ts.\n\n` +
    markdownTable(['build', 'file', 'bytes', 'gzip', 'brotli'], [...sizeRows(sizes.maidian), ...sizeRows(sizes.peers)]) +
    (sizes.missing.length ? `\n\nNot measured (could not fetch): ${sizes.missing.join('; ')}` : ''),
);

const ingest = await benchIngest();
section(
  'Ingest',
  'Events per second into SQLite (WAL, synchronous=FULL: acknowledged means durable) over HTTP on loopback, 8 concurrent keep-alive connections from a second process. ' +
    'Baselines in the same run: the same Express server that only reads and parses the body, and raw better-sqlite3 inserts of the same rows in transactions of the same batch size. ' +
    'Aim: at batch 20, ≥ 70% of the parse-only baseline; collector memory < 200 MB.\n\n' +
    markdownTable(
      ['batch', 'collector ev/s', 'parse-only ev/s', 'ratio', 'raw inserts ev/s', 'p50 ms', 'p99 ms', 'stored / sent', 'peak RSS MiB'],
      ingest.map((r) => [
        r.batchSize,
        fmt(r.collector.eventsPerSecond),
        fmt(r.parseOnly.eventsPerSecond),
        `${fmt((100 * r.collector.eventsPerSecond) / r.parseOnly.eventsPerSecond)}%`,
        fmt(r.rawInsertsPerSecond),
        fmt(r.collector.p50ms, 1),
        fmt(r.collector.p99ms, 1),
        `${fmt(r.storedRows)} / ${fmt(r.collector.events)}`,
        fmt(r.collectorPeakRssMiB),
      ]),
    ),
);

const funnelSizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000];
const funnels = await benchFunnel(funnelSizes);
section(
  'Four-step funnel (SQLite)',
  'A generated shop bulk-loaded into a SQLite file (users = events / 10), derived rows refreshed, then a 4-step funnel (page view → product view → add to cart → checkout, 1-day window) over the whole month: median of 5 runs (`bench/funnel-bench.ts`). Aim: < 300 ms at 1M events / 100k users.\n\n' +
    markdownTable(
      ['events', 'users', 'funnel ms (median of 5)', 'bulk load ms', 'refresh ms'],
      funnels.map((r) => [fmt(r.events), fmt(r.users), fmt(r.ms), fmt(r.loadMs), fmt(r.refreshMs)]),
    ),
);

for (const s of await reportSections(quick)) section(s.title, s.body);

const clickhouse = await benchClickHouse(quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000], (line) => console.log(line));
section('ClickHouse', clickHouseSection(clickhouse));

const alertsAudiences = await benchAlertsAudiences([100_000, 1_000_000], (line) => console.log(line));
section('Alerts, tags and audiences on both engines', alertsAudiencesSection(alertsAudiences));

const load = await loadTest({ seconds: quick ? 30 : 60 });
section(
  'Sustained load',
  `The collector in its own process, a stream of batches of ${load.batchSize} from this process over ${load.concurrency} keep-alive connections for ${load.seconds} s; figures after the warm-up (\`bench/load-test.ts\`). Received, acknowledged and stored counts must be equal (the run fails otherwise). Aim: collector memory < 200 MB.\n\n` +
    markdownTable(
      ['received', 'acknowledged', 'stored', 'events/s', 'p50 ms', 'p95 ms', 'p99 ms', 'peak RSS MiB'],
      [[fmt(load.received), fmt(load.acknowledged), fmt(load.stored), fmt(load.eventsPerSecond), fmt(load.p50ms, 1), fmt(load.p95ms, 1), fmt(load.p99ms, 1), fmt(load.peakRssMiB)]],
    ),
);

const header = `# Benchmarks

Produced by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${describeMachine()}.
The machine is shared and noisy: compare the ratios against the baselines measured in the same run.
Where each performance aim stands, and where the time goes when one is missed (profiles): docs/performance-notes.md.
`;
writeFileSync('docs/benchmarks.md', `${header}\n${sections.join('\n')}`);
console.log('\nWrote docs/benchmarks.md');
