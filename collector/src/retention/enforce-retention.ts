/**
 * Data retention: per site, everything older than `retentionDays` is deleted, in chunks of a few
 * thousand rows, each its own short transaction, with the event loop free between chunks so
 * ingest is never held up for long. What "older" means (see docs/reliability.md):
 *
 * - a session is older when it ended before the cut; it goes whole with its events. A session
 *   that straddles the cut stays whole until it ends before it;
 * - an event is older when its time is before the cut and its session is gone;
 * - quarantined payloads and queue-drop reports by their receive time; trigger firings by the time
 *   of the event that fired them; closed audience spells by when they ended;
 * - per-person rows (tag values, open memberships, pushed and delivered records, consent,
 *   identities, links, merges) are values about a person, not events: they go when they were
 *   written before the cut and the person has no event left.
 */
import type Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSql } from '../storage/sqlite/load-sql.js';
import { refreshDerived } from '../analytics/sessions/refresh-derived.js';

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
const DAY_MS = 86_400_000;
/** Rows deleted per statement run. */
export const RETENTION_CHUNK = 2000;

/** A site's retention setting; absent `retentionDays` keeps its data forever. */
export interface RetentionSite {
  id: string;
  retentionDays?: number;
}

/** Rows deleted per site, by statement name (e.g. `02-events`), plus the cut used. */
export interface RetentionReport {
  site: string;
  cutoff: number;
  deleted: Record<string, number>;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statements(db: Database.Database): Map<string, Database.Statement> {
  let s = cache.get(db);
  if (!s) {
    const names = readdirSync(SQL_DIR).filter((f) => f.endsWith('.sql')).map((f) => f.slice(0, -4)).sort();
    s = new Map(names.map((n) => [n, db.prepare(loadSql(SQL_DIR, n))]));
    cache.set(db, s);
  }
  return s;
}

/**
 * Deletes what is older than each site's retention at time `now` (epoch ms). Sites without
 * `retentionDays` are skipped. Quarantined bodies with no readable site follow the shortest
 * retention of all sites (they may belong to any). Resolves with one report per site enforced.
 */
export async function enforceRetention(db: Database.Database, sites: RetentionSite[], now: number, chunk = RETENTION_CHUNK): Promise<RetentionReport[]> {
  const all = statements(db);
  const reports: RetentionReport[] = [];
  for (const site of sites) {
    if (site.retentionDays === undefined) continue;
    // Sessions and each event's session must be current, so a straddling session is seen whole.
    refreshDerived(db, site.id);
    const cutoff = now - site.retentionDays * DAY_MS;
    const deleted: Record<string, number> = {};
    for (const [name, stmt] of all) {
      if (name === '15-unsited-quarantine') continue;
      deleted[name] = await runChunked(stmt, { site: site.id, cutoff, chunk });
    }
    reports.push({ site: site.id, cutoff, deleted });
  }
  const shortest = Math.min(...sites.map((s) => s.retentionDays ?? Infinity));
  if (Number.isFinite(shortest)) await runChunked(all.get('15-unsited-quarantine')!, { cutoff: now - shortest * DAY_MS, chunk });
  return reports;
}

/** Runs a chunked DELETE until a run deletes less than a chunk, yielding between runs. */
async function runChunked(stmt: Database.Statement, params: Record<string, unknown>): Promise<number> {
  const chunk = params.chunk as number;
  let total = 0;
  for (;;) {
    const n = stmt.run(params).changes;
    total += n;
    if (n < chunk) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
