/**
 * A realistic shop, generated straight into a SQLite file through the collector's own schema
 * (its migrations) and its own insert statement (`insert-event.sql`), so the rows are those ingest
 * would write for the same visits: visitors who come back over a month through several channels,
 * browse, view products, fill a cart, check out, some sign up and identify, a few buy, a few are
 * bots. Rows are inserted in time order, as a live collector would store them.
 *
 * Bulk inserts bypass POST /v1/batch on purpose: validating and enriching 10 million events
 * would take far longer than the reports being measured. The insert trigger marks every visitor
 * dirty, so the first report on the file refreshes sessions and persons, as after a large import.
 *
 * Files are cached under `.tmp/bench-data/`, keyed by size, generator version and the list of
 * migrations; a file is written under a temporary name and renamed when complete.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSql, MIGRATIONS_DIR, QUERIES_DIR } from '../../collector/src/storage/sqlite/load-sql.js';
import { openSqliteStore } from '../../collector/src/storage/sqlite/sqlite-store.js';
import type { EventRow } from '../../collector/src/storage/store.js';
import { mulberry32 } from '../../collector/src/analytics/random.js';
import { DATASET_DAYS, DATASET_SITE, DATASET_START, eventsOfVisit, planVisits, type PlannedVisit } from './dataset-shop.js';

/** Bump when the generated data changes, so cached files are made again. */
export const GENERATOR_VERSION = 1;

/** A generated data set. */
export interface Dataset {
  /** The SQLite file (pristine: nothing refreshed yet). Copy it before a collector opens it. */
  path: string;
  events: number;
  visitors: number;
  visits: number;
  site: string;
  /** First day and last day (inclusive) of the data, `YYYY-MM-DD` in the site time zone. */
  firstDay: string;
  lastDay: string;
  /** Whether this call generated the file (false: it came from the cache). */
  generated: boolean;
  /** Generation time, ms (0 when cached). */
  ms: number;
}

/** Returns the cached data set of `events` events, generating it first when missing. */
export function generateDataset(events: number, cacheDir = '.tmp/bench-data'): Dataset {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `shop-v${GENERATOR_VERSION}-${schemaKey()}-${events}.db`);
  const facts = { path, events, site: DATASET_SITE, firstDay: day(DATASET_START), lastDay: day(DATASET_START + (DATASET_DAYS - 1) * 86_400_000) };
  const plan = planVisits(events);
  if (existsSync(path)) return { ...facts, visitors: plan.visitors, visits: plan.count, generated: false, ms: 0 };
  const started = performance.now();
  const partial = `${path}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  void openSqliteStore(partial).close(); // the collector's schema, through its migrations
  writeEvents(partial, plan.byDay);
  renameSync(partial, path);
  return { ...facts, visitors: plan.visitors, visits: plan.count, generated: true, ms: performance.now() - started };
}

/**
 * Inserts the planned visits day by day; within a day, events are sorted by time. The events
 * table's indexes are dropped first and made again afterwards from their own SQL (a bulk load:
 * sorting once is far cheaper than updating several indexes in random order for every row). The
 * unique (site, id) index stays, as the insert's ON CONFLICT needs it; ids made in insertion order
 * keep it append-only.
 * Durability is off while writing: a crash leaves only the `.partial` file, which the next run
 * deletes.
 */
function writeEvents(path: string, byDay: PlannedVisit[][]): void {
  const db = new Database(path);
  // Out of WAL first: SQLite refuses to go from WAL straight to OFF.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000'); // 1 GB
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql NOT LIKE 'CREATE UNIQUE%'").all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  const insert = db.prepare(loadSql(QUERIES_DIR, 'insert-event'));
  const insertDay = db.transaction((rows: EventRow[]) => {
    for (const row of rows) insert.run(row);
  });
  let serial = 0;
  for (const visits of byDay) {
    const rows = visits.flatMap((v) => eventsOfVisit(v, mulberry32(v.seed)));
    rows.sort((a, b) => a.ts - b.ts);
    for (const row of rows) row.id = `ev${(serial++).toString(36).padStart(8, '0')}`;
    insertDay(rows);
  }
  for (const { sql } of indexes) db.exec(sql);
  db.pragma('journal_mode = WAL'); // as the collector leaves its files
  db.close();
}

/** Short hash of the migration file names: a new migration makes a new cache key. */
function schemaKey(): string {
  const names = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort().join('\n');
  return createHash('sha256').update(names).digest('hex').slice(0, 8);
}

function day(ms: number): string {
  // The site time zone is Asia/Shanghai (UTC+8, no daylight saving time).
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

// Run directly: `npx tsx bench/lib/generate-dataset.ts 100000`.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(generateDataset(Number(process.argv[2] ?? 100_000)));
}
