/**
 * Recomputes what is derived from events — identity links, the person of each event, server
 * sessions and typed identities — for the visitors marked dirty since the last refresh. A visitor
 * is recomputed from all its events, so results never depend on the order events arrived in.
 */
import type Database from 'better-sqlite3';
import { sessionStatements, type SessionStatements } from '../../storage/sqlite/analytics/sessions/session-statements.js';
import { configuredSessionOptions, SessionOptionsError, sessionOptionsFor, type RefreshOptions, type SessionOptions } from './session-options.js';

/** What a refresh did. */
export interface RefreshReport {
  /** Sites that had dirty visitors. */
  sites: string[];
  /** Visitors recomputed (dirty ones plus visitors sharing an order id with them). */
  visitors: number;
  /** Session rows written. */
  sessions: number;
  /** Wall time of the refresh, ms. */
  ms: number;
}

/** Dirty visitors refreshed per transaction unless the options say otherwise. */
export const DEFAULT_MAX_VISITORS_PER_TRANSACTION = 2000;

/**
 * Refreshes derived rows for the dirty visitors of `site` (or of every site). Visitors are done
 * in IMMEDIATE transactions of at most `maxVisitorsPerTransaction` each: readers never see half a
 * visitor's refresh, and ingest (which waits for the write lock) is never held up for long. With
 * nothing dirty it runs one indexed query and returns. Inside a caller's transaction every chunk
 * runs in it (as a savepoint). Without `options`, those the collector configured for `db` apply.
 */
export function refreshDerived(db: Database.Database, site?: string, options: RefreshOptions = configuredSessionOptions(db)): RefreshReport {
  const started = performance.now();
  const q = sessionStatements(db);
  const limit = options.maxVisitorsPerTransaction ?? DEFAULT_MAX_VISITORS_PER_TRANSACTION;
  if (!Number.isInteger(limit) || limit < 1) throw new SessionOptionsError('/maxVisitorsPerTransaction', `got ${limit}; expected an integer ≥ 1`);
  const chunk = db.transaction((s: string, o: SessionOptions) => refreshSite(q, s, o, limit));
  const sites = (q['select-dirty-sites'].all({ site: site ?? null }) as { site: string }[]).map((r) => r.site);
  let visitors = 0;
  let sessions = 0;
  if (sites.length === 0) return { sites, visitors, sessions, ms: performance.now() - started };
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${REFRESH_CACHE_SIZE}`);
  try {
    for (const s of sites) {
      const o = sessionOptionsFor(options, s);
      for (;;) {
        const done = db.inTransaction ? chunk(s, o) : chunk.immediate(s, o);
        visitors += done.visitors;
        sessions += done.sessions;
        if (done.dirty < limit) break;
      }
    }
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return { sites, visitors, sessions, ms: performance.now() - started };
}

/**
 * Page cache of a refresh that has work to do, in KiB (negative, as SQLite's pragma takes it).
 * The steps of a chunk read and write the same event rows several times, scattered over the
 * table; with SQLite's default 2 MiB each step fetched them from the file again (a first
 * refresh of 1M events read 9.1 GB through 2.2 million read calls; with this cache 2.4 GB). It
 * is a ceiling, filled only as pages are read, and the connection's own size comes back when
 * the refresh ends.
 */
const REFRESH_CACHE_SIZE = -256 * 1024;

/** Runs the refresh steps for one site's dirty visitors; the order of the steps matters. */
function refreshSite(q: SessionStatements, site: string, o: SessionOptions, limit: number): { dirty: number; visitors: number; sessions: number } {
  const p = { site };
  for (const name of ['clear-refresh-visitors', 'clear-refresh-persons', 'clear-refresh-identity-keys', 'clear-event-sessions', 'clear-lnd-updates']) q[name].run();
  const dirty = q['collect-dirty-visitors'].run({ ...p, limit }).changes;
  q['collect-order-visitors'].run(p);
  const visitors = (q['count-refresh-visitors'].get(p) as { n: number }).n;
  // Links first: the person of an event depends on its visitor's link.
  q['delete-visitor-links'].run(p);
  q['insert-visitor-links'].run(p);
  q['collect-session-persons'].run(p);
  q['update-event-persons'].run(p);
  q['collect-event-persons'].run(p);
  // Sessions need persons (a change of person starts a session).
  q['assign-event-sessions'].run({ ...p, timeout_ms: o.sessionTimeoutMs, split_on_campaign: o.splitOnCampaignChange ? 1 : 0 });
  q['update-event-session-keys'].run();
  q['delete-visitor-sessions'].run(p);
  const sessions = q['insert-visitor-sessions'].run({ ...p, bot_session_max_ms: o.botSessionMaxMs }).changes;
  // Last non-direct looks across all sessions of the persons touched, on any device.
  q['collect-lnd-updates'].run({ ...p, lookback_ms: o.lastNonDirectLookbackMs });
  q['apply-lnd-updates'].run(p);
  refreshIdentities(q, site);
  q['clear-dirty-visitors'].run(p);
  return { dirty, visitors, sessions };
}

/** Recomputes the owner of every identity the refreshed visitors claim (needs event persons). */
function refreshIdentities(q: SessionStatements, site: string): void {
  const p = { site };
  q['collect-identity-keys'].run(p);
  if ((q['count-refresh-identity-keys'].get(p) as { n: number }).n === 0) return;
  q['delete-identities-for-keys'].run(p);
  q['insert-identities-for-keys'].run(p);
}
