/**
 * Funnel benchmark: a generated shop written straight into a SQLite file, derived rows
 * refreshed, then a 4-step funnel (page view → product view → add to cart → checkout, 1-day
 * window) over the whole range, timed as the median of 5 runs.
 *
 * The events are bulk-inserted with one prepared INSERT in one transaction, not sent through
 * POST /v1/batch: validation and enrichment at 10 million events would take far longer than the
 * query being measured. The rows have the columns ingest fills for a plain web visit.
 */
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshDerived } from '../collector/src/analytics/sessions/refresh-derived.js';
import { getFunnel } from '../collector/src/storage/sqlite/analytics/funnels/get-funnel.js';
import { FunnelDefinition } from '../collector/src/storage/sqlite/analytics/funnels/funnel-definition.js';
import { openSqliteStore } from '../collector/src/storage/sqlite/sqlite-store.js';
import { mulberry32 as prng } from '../collector/src/analytics/random.js';

/** One measured size. */
export interface FunnelBenchRow {
  events: number;
  users: number;
  /** Median of 5 funnel runs, ms. */
  ms: number;
  /** Bulk insert and refresh of derived rows, ms (context for the reader; not the target). */
  loadMs: number;
  refreshMs: number;
}

const SITE = 'bench';
const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const RANGE_DAYS = 30;
/** Share of each event name in a visit, cumulative: most events are page views. */
const MIX: [number, string][] = [[0.55, 'page_view'], [0.75, 'view_product'], [0.85, 'add_to_cart'], [0.9, 'checkout'], [0.93, 'conversion'], [1, 'click']];
const CHANNELS: [string, string, string][] = [['(direct)', '(none)', 'Direct'], ['baidu', 'organic', 'Organic Search'], ['baidu', 'cpc', 'Paid Search'], ['newsletter', 'email', 'Email']];

const DEFINITION = FunnelDefinition.parse({
  steps: [{ event: 'page_view' }, { event: 'view_product' }, { event: 'add_to_cart' }, { event: 'checkout' }],
  window: { value: 1, unit: 'day' },
});

/** Runs the benchmark for each size (events; users = events / 10) and returns the timings. */
export async function benchFunnel(sizes: number[] = [100_000, 1_000_000, 10_000_000]): Promise<FunnelBenchRow[]> {
  const rows: FunnelBenchRow[] = [];
  for (const events of sizes) rows.push(await benchOne(events));
  return rows;
}

async function benchOne(events: number): Promise<FunnelBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-funnel-bench-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  try {
    const db = store.db;
    const users = Math.max(1, Math.floor(events / 10));
    let t = performance.now();
    insertBenchEvents(db, events, users);
    const loadMs = performance.now() - t;
    t = performance.now();
    // A bulk load marks every visitor dirty: refresh in large chunks, as a bulk import would
    // (live ingest keeps the default, smaller chunks; see docs/sessions.md).
    refreshDerived(db, SITE, { maxVisitorsPerTransaction: 20_000 });
    const refreshMs = performance.now() - t;
    const query = { site: SITE, from: START, to: START + RANGE_DAYS * DAY, definition: DEFINITION };
    getFunnel(db, query); // warm-up: prepares the statement and the page cache
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      getFunnel(db, query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { events, users, ms: Math.round(times[2]), loadMs: Math.round(loadMs), refreshMs: Math.round(refreshMs) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Deterministic data: each user visits 1–3 times over the month, ~10 events each on average.
/** Writes the generated events of the benchmark into `db` (bulk, one transaction). */
export function insertBenchEvents(db: Database.Database, events: number, users: number): void {
  const random = prng(42);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO events (site, id, event, ts, client_ts, received_at, anonymous_id, session_id,
    session_start, platform, path, source, medium, channel, device_type, browser, os, props)
    VALUES (@site, @id, @event, @ts, @ts, @ts, @anon, @sid, @start, 'web', @path, @source, @medium, @channel, 'desktop', 'Chrome', 'Windows', '{}')`);
  db.transaction(() => {
    let written = 0;
    for (let u = 0; written < events; u = (u + 1) % users) {
      const visits = 1 + Math.floor(random() * 3);
      for (let v = 0; v < visits && written < events; v++) {
        const [source, medium, channel] = CHANNELS[Math.floor(random() * CHANNELS.length)];
        let ts = START + Math.floor(random() * RANGE_DAYS * DAY);
        const n = 1 + Math.floor(random() * 6);
        for (let i = 0; i < n && written < events; i++, written++) {
          const r = random();
          const event = MIX.find(([p]) => r < p)![1];
          insert.run({ site: SITE, id: `e${written}`, event, ts, anon: `u${u}`, sid: `u${u}-${v}`, start: i === 0 ? 1 : 0, path: event === 'page_view' ? '/' : null, source, medium, channel });
          ts += 5_000 + Math.floor(random() * 120_000);
        }
      }
    }
  })();
  db.pragma('synchronous = FULL');
}

// Run directly: `npx tsx bench/funnel-bench.ts [sizes…]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows = await benchFunnel(sizes.length ? sizes : undefined);
  console.table(rows);
}
