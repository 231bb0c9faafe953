/**
 * Ingest throughput: the real collector against two baselines measured in the same run —
 * the same Express server that only parses the body (what HTTP + JSON cost), and raw
 * better-sqlite3 inserts of the same rows (what storage alone costs). The ratios say what
 * validation, enrichment and storage add.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSql, QUERIES_DIR } from '../collector/src/storage/sqlite/load-sql.js';
import { openSqliteStore } from '../collector/src/storage/sqlite/sqlite-store.js';
import { driveLoad, type LoadResult } from './lib/drive-load.js';
import { spawnServer } from './lib/spawn-server.js';
import { makeWireEvents } from './lib/wire-events.js';

export interface IngestRow {
  batchSize: number;
  collector: LoadResult;
  parseOnly: LoadResult;
  rawInsertsPerSecond: number;
  storedRows: number;
  collectorPeakRssMiB: number;
}

/** Events sent per batch size: enough for a few seconds of steady load on a 2-core machine. */
const EVENTS: Record<number, number> = { 1: 4_000, 20: 40_000, 100: 60_000 };

export async function benchIngest(batchSizes = [1, 20, 100]): Promise<IngestRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-bench-ingest-'));
  const rows: IngestRow[] = [];
  try {
    const parseOnly = await spawnServer('parse-only-server.ts');
    for (const size of batchSizes) {
      const warm = bodiesFor(makeWireEvents(20 * size, 1000 + size), size);
      const bodies = bodiesFor(makeWireEvents(EVENTS[size], size), size);
      await driveLoad(parseOnly.url, warm, size);
      const base = await driveLoad(parseOnly.url, bodies, size);
      const dbPath = join(dir, `collector-${size}.db`);
      const collector = await spawnServer('collector-server.ts', [dbPath]);
      await driveLoad(collector.url, warm, size);
      const real = await driveLoad(collector.url, bodies, size);
      const peak = collector.peakRssMiB();
      await collector.stop();
      const stored = countEvents(dbPath) - warm.length * size;
      rows.push({
        batchSize: size,
        collector: real,
        parseOnly: base,
        rawInsertsPerSecond: rawInsertRate(dbPath, join(dir, `raw-${size}.db`), size),
        storedRows: stored,
        collectorPeakRssMiB: peak,
      });
    }
    await parseOnly.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Request bodies of `size` events each, for site `bench`. */
export function bodiesFor(events: unknown[], size: number): string[] {
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += size) {
    bodies.push(JSON.stringify({ site: 'bench', sentAt: Date.now(), batch: events.slice(i, i + size) }));
  }
  return bodies;
}

function countEvents(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  db.close();
  return n;
}

/** Re-inserts the collector's stored rows into a fresh database with the collector's own insert statement. */
function rawInsertRate(sourcePath: string, targetPath: string, size: number): number {
  const source = new Database(sourcePath, { readonly: true });
  const rows = source.prepare('SELECT * FROM events ORDER BY seq').all() as Record<string, unknown>[];
  source.close();
  for (const r of rows) delete r.seq;
  const store = openSqliteStore(targetPath); // same schema, migrations and pragmas
  void store.close();
  const db = new Database(targetPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(loadSql(QUERIES_DIR, 'insert-event'));
  const insertBatch = db.transaction((batch: Record<string, unknown>[]) => {
    for (const r of batch) insert.run(r);
  });
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += size) insertBatch(rows.slice(i, i + size));
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return rows.length / seconds;
}
