/**
 * Alerts, tags and audiences on both engines, in the same run, on the generated shop of the report
 * benchmark: the SQLite engine on a copy of the file, and ClickHouse (one server on loopback,
 * Debian's package) after the migration tool copied the same file. Both engines first refresh
 * their derived rows (not timed here: the report benchmark times it). Then, medians of 3:
 *
 * - an alert preview of a daily rule over the month (an anomaly against 4 past weeks: 30 slots,
 *   34 windows) and of an hourly rule over 7 days (a change against the previous hour: 168 slots);
 * - a refresh of three tags (a behaviour, the preferred channel, a revenue band);
 * - the refresh of an audience over two of them and an event condition (selection and spells).
 *
 * The SQLite engine is the baseline: the table gives ClickHouse / SQLite for each.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshDerived } from '../collector/src/analytics/sessions/refresh-derived.js';
import type { AlertData } from '../collector/src/alerts/alert-data.js';
import { alertRuleSchema, type AlertRule } from '../collector/src/alerts/alert-rule.js';
import { alertableMetrics, isAlertableMetric } from '../collector/src/alerts/metrics/engine-metric-source.js';
import { previewRule } from '../collector/src/alerts/preview-rule.js';
import type { AudienceData } from '../collector/src/audiences/audience-engine.js';
import { AudienceDefinition } from '../collector/src/audiences/audience-schema.js';
import { refreshAudience } from '../collector/src/audiences/refresh-audience.js';
import { TagDefinition } from '../collector/src/audiences/tag-schema.js';
import { ClickHouseDb } from '../collector/src/storage/clickhouse/clickhouse-db.js';
import { openClickHouseStore } from '../collector/src/storage/clickhouse/clickhouse-store.js';
import { importSqlite } from '../collector/src/storage/clickhouse/import-sqlite/import-sqlite.js';
import { audienceEngineOf, reportEngineOf } from '../collector/src/storage/engine-of-store.js';
import { createTag } from '../collector/src/storage/sqlite/analytics/tags/tag-store.js';
import { openSqliteDatabase, openSqliteStore } from '../collector/src/storage/sqlite/sqlite-store.js';
import { startClickHouse } from '../test/setup/clickhouse-server.js';
import { DATASET_DAYS, DATASET_SITE, DATASET_START } from './lib/dataset-shop.js';
import { generateDataset } from './lib/generate-dataset.js';
import { fmt, markdownTable } from './lib/markdown-table.js';
import { median } from './reports-bench.js';

const DAY = 86_400_000;
/** The end of the generated month: "now" of every measurement. */
const END = DATASET_START + DATASET_DAYS * DAY;
const TIME_ZONE = 'Asia/Shanghai';
const RUNS = 3;

/** What is measured, in table order. */
export const STEPS = ['preview, daily rule (30 slots)', 'preview, hourly rule (168 slots)', 'refresh of 3 tags', 'refresh of an audience'] as const;
type Step = (typeof STEPS)[number];

/** One size: medians per engine and step, ms, and the audience's size on each engine. */
export interface AlertsAudiencesRow {
  events: number;
  sqlite: Record<Step, number>;
  clickhouse: Record<Step, number>;
  members: { sqlite: number; clickhouse: number };
}

const RuleSchema = alertRuleSchema(isAlertableMetric, alertableMetrics);
const rule = (id: string, def: object): AlertRule => ({
  ...(RuleSchema.parse({ site: DATASET_SITE, name: id, timezone: TIME_ZONE, ...def }) as Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'>),
  id, timezone: TIME_ZONE, createdAt: 0, updatedAt: 0,
});
const DAILY = rule('daily', {
  metric: 'sessions', filters: { channel: 'Paid Search' }, window: { unit: 'day', size: 1 }, schedule: { cron: '0 9 * * *' },
  condition: { type: 'anomaly', method: 'mad', weeks: 4, minHistory: 2, k: 3 },
});
const HOURLY = rule('hourly', {
  metric: 'page_views', window: { unit: 'hour', size: 1 }, schedule: { cron: '0 * * * *' },
  condition: { type: 'change', compare: 'previous_period', direction: 'down', mode: 'percent', amount: 50 },
});
const names = (en: string) => ({ name: { en, zh: en }, description: { en, zh: en } });
const TAGS: Record<string, TagDefinition> = {
  carted: TagDefinition.parse({ ...names('carted'), rule: { kind: 'behavior', event: 'add_to_cart', days: 30 } }),
  channel: TagDefinition.parse({ ...names('channel'), rule: { kind: 'preference', dimension: 'channel' } }),
  spend: TagDefinition.parse({ ...names('spend'), rule: { kind: 'value', measure: 'revenue_band', currency: 'CNY', bands: [{ id: 'low', min: 0 }, { id: 'high', min: 300 }] } }),
};
const AUDIENCE = {
  id: 'paid_carts', createdAt: '', updatedAt: '',
  definition: AudienceDefinition.parse({
    ...names('paid carts'),
    expression: { type: 'and', of: [
      { type: 'tag', tag: 'carted' },
      { type: 'tag', tag: 'channel', op: 'in', value: ['Paid Search', 'Paid Social'] },
      { type: 'not', of: { type: 'event', event: 'checkout', days: 30 } },
    ] },
    holdout: { share: 0.1, seed: 'bench' },
  }),
};

/** Measures every size; a ClickHouse server is started for the run. */
export async function benchAlertsAudiences(sizes: number[], log: (line: string) => void = () => {}): Promise<AlertsAudiencesRow[]> {
  const server = await startClickHouse();
  const dir = mkdtempSync(join(tmpdir(), 'maidian-alerts-bench-'));
  try {
    const rows: AlertsAudiencesRow[] = [];
    for (const events of sizes) rows.push(await benchSize(events, server.servers[0].httpUrl, dir, log));
    return rows;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSize(events: number, httpUrl: string, dir: string, log: (line: string) => void): Promise<AlertsAudiencesRow> {
  const dataset = generateDataset(events);
  const work = join(dir, `sqlite-${events}.db`);
  copyFileSync(dataset.path, work);
  const sqlite = openSqliteStore(work);
  const database = `alerts_${events}`;
  const ch = new ClickHouseDb({ urls: [httpUrl], database, cluster: null });
  try {
    log(`alerts and audiences: ${events} events, refreshing the SQLite copy…`);
    refreshDerived(sqlite.db, DATASET_SITE);
    const onSqlite = await measure({ meta: sqlite.db, reports: reportEngineOf(sqlite) }, { meta: sqlite.db, engine: audienceEngineOf(sqlite, sqlite.db) });
    log(`alerts and audiences: ${events} events, copying into ClickHouse…`);
    const copied = await importSqlite(ch, { sqlitePath: dataset.path });
    if (!copied.complete) throw new Error('the import stopped before the end');
    const store = await openClickHouseStore({ urls: [httpUrl], database, cluster: null, bufferDir: join(dir, `buffer-${events}`) });
    const meta = openSqliteDatabase(join(dir, `meta-${events}.db`));
    try {
      await store.prepareReports(DATASET_SITE);
      const onClickHouse = await measure({ meta, reports: reportEngineOf(store) }, { meta, engine: audienceEngineOf(store, meta) });
      const row = { events, sqlite: onSqlite.ms, clickhouse: onClickHouse.ms, members: { sqlite: onSqlite.members, clickhouse: onClickHouse.members } };
      log(`alerts and audiences: ${events} events: ${JSON.stringify(row)}`);
      return row;
    } finally {
      meta.close();
      await store.close();
    }
  } finally {
    await sqlite.close();
    await ch.run(`DROP DATABASE IF EXISTS ${database}`).catch(() => {});
    await ch.close();
  }
}

/** Times every step on one engine; the tags are created in its metadata database first. */
async function measure(alerts: AlertData, audiences: AudienceData): Promise<{ ms: Record<Step, number>; members: number }> {
  for (const [id, def] of Object.entries(TAGS)) createTag(audiences.meta, DATASET_SITE, id, def);
  const times = async (run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    return median(ms);
  };
  let members = 0;
  const ms: Record<Step, number> = {
    'preview, daily rule (30 slots)': await times(() => previewRule(alerts, DAILY, END, 30)),
    'preview, hourly rule (168 slots)': await times(() => previewRule(alerts, HOURLY, END, 7)),
    'refresh of 3 tags': await times(() => audiences.engine.refreshTags(DATASET_SITE, { now: END, timeZone: TIME_ZONE })),
    'refresh of an audience': await times(async () => {
      members = (await refreshAudience(audiences, DATASET_SITE, AUDIENCE, { now: END, refreshTags: false, timeZone: TIME_ZONE })).members;
    }),
  };
  return { ms, members };
}

/** The section of docs/benchmarks.md. */
export function alertsAudiencesSection(rows: AlertsAudiencesRow[]): string {
  const table = markdownTable(
    ['events', 'step', 'SQLite ms', 'ClickHouse ms', 'ClickHouse / SQLite'],
    rows.flatMap((r) => STEPS.map((s) => [fmt(r.events), s, fmt(r.sqlite[s]), fmt(r.clickhouse[s]), `× ${fmt(r.clickhouse[s] / r.sqlite[s], 2)}`])),
  );
  const members = rows.map((r) => `${fmt(r.events)} events: ${fmt(r.members.sqlite)} members on SQLite, ${fmt(r.members.clickhouse)} on ClickHouse`).join('; ');
  return 'The generated shop of the report benchmark on both engines in the same run (`bench/alerts-audiences-bench.ts`): the SQLite engine in-process on a copy of the file, ClickHouse 18.16 on loopback after the migration tool copied it; derived rows refreshed first on both (timed in the report benchmark). Medians of 3.\n\n' +
    `${table}\n\nThe audience's size, as a check that both engines did the same work: ${members}.`;
}

// Run alone: `npx tsx bench/alerts-audiences-bench.ts 100000 1000000`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows = await benchAlertsAudiences(sizes.length ? sizes : [100_000], (line) => console.error(line));
  console.log(alertsAudiencesSection(rows));
}
