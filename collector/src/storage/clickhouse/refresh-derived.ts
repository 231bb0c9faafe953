/**
 * The ClickHouse engine's refresh of derived data: persons, server sessions, counted conversions
 * and last non-direct attribution, recomputed in the database for the visitors marked dirty, with
 * the definitions of the SQLite engine (collector/src/analytics/sessions/refresh-derived.ts).
 * A visitor is always recomputed from all its events, so results never depend on arrival order.
 */
import type { RefreshReport } from '../../analytics/sessions/refresh-derived.js';
import type { SessionOptions } from '../../analytics/sessions/session-options.js';
import { CH_QUERIES_DIR, GROUPS_WITHIN_VISITOR, type ClickHouseDb } from './clickhouse-db.js';

/**
 * Visitors recomputed per round. Each round's visitor list travels inside its queries (as an IN
 * tuple, hence the larger max_query_size in clickhouse-db.ts), and some of a round's queries read
 * whole tables (orders, persons' sessions): large rounds keep the first refresh of a big import
 * to few such reads.
 */
export const CH_VISITORS_PER_ROUND = 20_000;

/** Versions of derived rows: increasing within a process, and ahead of earlier processes. */
let lastVersion = 0;
function nextVersion(): number {
  lastVersion = Math.max(Date.now() * 1000, lastVersion + 2);
  return lastVersion;
}

/** Refreshes the dirty visitors of one site, a round of at most `limit` visitors at a time. */
export async function refreshDerivedClickHouse(ch: ClickHouseDb, site: string, o: SessionOptions, limit = CH_VISITORS_PER_ROUND): Promise<RefreshReport> {
  const started = performance.now();
  let visitors = 0;
  let sessions = 0;
  for (;;) {
    const round = await refreshRound(ch, site, o, limit);
    visitors += round.visitors;
    sessions += round.sessions;
    if (round.dirty < limit) break;
  }
  return { sites: visitors > 0 ? [site] : [], visitors, sessions, ms: performance.now() - started };
}

async function refreshRound(ch: ClickHouseDb, site: string, o: SessionOptions, limit: number): Promise<{ dirty: number; visitors: number; sessions: number }> {
  const q = (name: string) => ch.sql(CH_QUERIES_DIR, name);
  // Anything marked dirty after this instant stays dirty (see 003-dirty-visitors.sql).
  const cleanAt = Date.now();
  const dirty = (await ch.rows<{ anonymous_id: string }>(q('select-dirty-visitors'), { site, limit })).map((r) => r.anonymous_id);
  if (dirty.length === 0) return { dirty: 0, visitors: 0, sessions: 0 };

  const orders = await ch.rows<{ order_id: string; visitors: string[]; first_id: string }>(q('select-order-visitors'), { site, visitors: dirty });
  const visitors = [...new Set([...dirty, ...orders.flatMap((r) => r.visitors)])];
  const firstIds = orders.map((r) => r.first_id).filter((id) => id !== '');
  const before = await ch.rows<{ session_key: string; person_id: string; anonymous_id: string }>(q('select-visitor-sessions'), { site, visitors, min_version: 0 });

  const version = nextVersion();
  await ch.run(q('refresh-events'), {
    site, visitors, version,
    // An empty array literal has no element type on old servers; no event id is empty.
    first_ids: firstIds.length > 0 ? firstIds : [''],
    timeout_ms: o.sessionTimeoutMs,
    split_on_campaign: o.splitOnCampaignChange ? 1 : 0,
  }, GROUPS_WITHIN_VISITOR);
  await ch.run(q('refresh-sessions'), { site, visitors, version, bot_session_max_ms: o.botSessionMaxMs }, GROUPS_WITHIN_VISITOR);
  const after = await ch.rows<{ session_key: string; person_id: string; anonymous_id: string }>(q('select-visitor-sessions'), { site, visitors, min_version: version });

  // Sessions that no longer exist (a late event joined two) get a tombstone.
  const live = new Set(after.map((s) => s.session_key));
  const gone = before.filter((s) => !live.has(s.session_key));
  await ch.insert('sessions', gone.map((s) => ({
    site, session_key: s.session_key, anonymous_id: s.anonymous_id, person_id: s.person_id,
    source: '', medium: '', channel: '', lnd_source: '', lnd_medium: '', lnd_channel: '', deleted: 1, version,
  })));

  // Last non-direct looks across all sessions of the persons touched, on any device.
  const persons = [...new Set([...before, ...after].map((s) => s.person_id))];
  if (persons.length > 0) await ch.run(q('refresh-lnd'), { site, persons, lookback_ms: o.lastNonDirectLookbackMs, version: version + 1 });

  await ch.insert('dirty_visitors', visitors.map((anonymous_id) => ({ site, anonymous_id, dirty: 0, version: cleanAt })));
  return { dirty: dirty.length, visitors: visitors.length, sessions: after.length };
}
