/**
 * The ClickHouse store: ingest through a local on-disk buffer (acknowledged once fsynced there,
 * inserted in batches), quarantine and replay, the summary, and the refresh of derived data.
 * Reports first send this collector's buffered events, then refresh, then query: a collector
 * reads its own writes; events buffered by other collectors appear once they flush (within
 * `flushMs`).
 */
import { join } from 'node:path';
import type {
  ClientDropRow, EventRow, InsertOutcome, QuarantineRow, ReplayMove, Store, SummaryFigures, SummaryQuery,
} from '../store.js';
import type { RefreshReport } from '../../analytics/sessions/refresh-derived.js';
import { sessionOptionsFor, type RefreshOptions } from '../../analytics/sessions/session-options.js';
import { parseQuarantineRecord, type QuarantineDbRow } from '../sqlite/quarantine-record.js';
import { CH_QUERIES_DIR, ClickHouseDb, type ClickHouseOptions } from './clickhouse-db.js';
import { DiskBuffer } from './disk-buffer.js';
import { migrateClickHouse } from './migrate.js';
import { refreshDerivedClickHouse } from './refresh-derived.js';

/** What the ClickHouse store needs beyond the connection. */
export interface ClickHouseStoreOptions extends ClickHouseOptions {
  /** Directory of the local buffer (one per collector process). */
  bufferDir: string;
  /** Flush when this many records wait (default 5000 events). */
  flushEvents?: number;
  /** Flush at least this often, ms (default 1000). */
  flushMs?: number;
}

/** One acknowledged ingest, as kept in the buffer. */
interface BufferedIngest {
  events: EventRow[];
  quarantine: QuarantineStored[];
  drop: (ClientDropRow & { drop_id: string }) | null;
}

/** A quarantine row in ClickHouse's shape. */
interface QuarantineStored extends QuarantineDbRow {
  version: number;
}

export interface ClickHouseStore extends Store {
  readonly engine: 'clickhouse';
  readonly ch: ClickHouseDb;
  /** Sends buffered records to ClickHouse now (reports call it first). */
  flush(): Promise<void>;
  /** Sends buffered records, then refreshes derived rows of the site's dirty visitors. */
  prepareReports(site: string): Promise<RefreshReport>;
}

/** Opens the store: creates the tables when missing and starts the buffer's flusher. */
export async function openClickHouseStore(options: ClickHouseStoreOptions, sessionOptions: () => RefreshOptions = () => ({})): Promise<ClickHouseStore> {
  const ch = new ClickHouseDb(options);
  await migrateClickHouse(ch);
  const q = (name: string) => ch.sql(CH_QUERIES_DIR, name);
  /** Event ids buffered but not yet in ClickHouse, per site: retries inside that gap are duplicates too. */
  const buffered = new Map<string, Set<string>>();
  const remember = (rows: EventRow[]) => {
    for (const r of rows) {
      let ids = buffered.get(r.site);
      if (!ids) buffered.set(r.site, (ids = new Set()));
      ids.add(r.id);
    }
  };
  const forget = (rows: EventRow[]) => {
    for (const r of rows) buffered.get(r.site)?.delete(r.id);
  };

  const buffer = new DiskBuffer<BufferedIngest>(join(options.bufferDir), async (records) => {
    const events = records.flatMap((r) => r.events);
    // Events first: a visitor is marked dirty only once its events are readable.
    await ch.insert('events', events.map((e) => ({ ...e, version: 0 })));
    await ch.insert('quarantine', records.flatMap((r) => r.quarantine));
    await ch.insert('client_drops', records.flatMap((r) => (r.drop ? [r.drop] : [])));
    const dirtyAt = Date.now();
    const visitors = new Map(events.map((e) => [`${e.site}\u0000${e.anonymous_id}`, { site: e.site, anonymous_id: e.anonymous_id, dirty: 1, version: dirtyAt }]));
    await ch.insert('dirty_visitors', [...visitors.values()]);
    forget(events);
  }, { maxSize: options.flushEvents ?? 5000, maxDelayMs: options.flushMs ?? 1000, size: (r) => r.events.length + r.quarantine.length + 1 });
  // Send what a previous process buffered first, so the duplicate lookup sees those events.
  await buffer.flush().catch(() => {});
  buffer.start();

  /** `site\0id` of the events among `rows` that ClickHouse already holds (one query per site). */
  async function storedKeys(rows: EventRow[]): Promise<Set<string>> {
    const stored = new Set<string>();
    const bySite = new Map<string, EventRow[]>();
    for (const r of rows) {
      const list = bySite.get(r.site);
      if (list) list.push(r);
      else bySite.set(r.site, [r]);
    }
    for (const [site, siteRows] of bySite) {
      const existing = await ch.rows<{ id: string }>(q('select-existing-ids'), {
        site, visitors: [...new Set(siteRows.map((r) => r.anonymous_id))], ids: siteRows.map((r) => r.id),
      });
      for (const { id } of existing) stored.add(`${site}\u0000${id}`);
    }
    return stored;
  }

  /** Outcome of each event: duplicate when its id is stored, buffered, or earlier in the same group. */
  function outcomes(rows: EventRow[], stored: Set<string>): InsertOutcome[] {
    const seen = new Set<string>();
    return rows.map((r) => {
      const key = `${r.site}\u0000${r.id}`;
      const dup = stored.has(key) || seen.has(key) || (buffered.get(r.site)?.has(r.id) ?? false);
      seen.add(key);
      return dup ? 'duplicate' : 'accepted';
    });
  }

  let qidCounter = Math.floor(Math.random() * 1024);
  const newQid = () => Date.now() * 1024 + (qidCounter = (qidCounter + 1) % 1024);

  /**
   * Ingest calls are handled in groups: all calls that arrive while the previous group is being
   * looked up and written share one duplicate lookup (one query per site) and one fsync.
   */
  type IngestCall = { events: EventRow[]; quarantine: QuarantineRow[]; clientDrop?: ClientDropRow; resolve: (o: InsertOutcome[]) => void; reject: (e: unknown) => void };
  let waiting: IngestCall[] = [];
  let draining = false;
  const drain = async () => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      await ingestGroup(group);
    }
    draining = false;
  };
  function ingest(events: EventRow[], quarantine: QuarantineRow[], clientDrop?: ClientDropRow): Promise<InsertOutcome[]> {
    return new Promise((resolve, reject) => {
      waiting.push({ events, quarantine, clientDrop, resolve, reject });
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
  }

  async function ingestGroup(group: IngestCall[]): Promise<void> {
    const all = group.flatMap((c) => c.events);
    // While ClickHouse is unreachable its ids cannot be looked up: the group is accepted into the
    // buffer anyway. A retried event is then answered "accepted" again, and its copies collapse
    // into one row in ClickHouse (same key).
    const stored = await storedKeys(all).catch(() => new Set<string>());
    const result = outcomes(all, stored);
    const fresh = all.filter((_, i) => result[i] === 'accepted');
    const version = Date.now();
    remember(fresh);
    let offset = 0;
    const records = group.map((c): BufferedIngest => {
      const mine = result.slice(offset, (offset += c.events.length));
      return {
        events: c.events.filter((_, i) => mine[i] === 'accepted'),
        quarantine: c.quarantine.map((row) => ({
          ...row, qid: newQid(), reasons: JSON.stringify(row.reasons), request: row.request ? JSON.stringify(row.request) : null,
          status: 'open' as const, replayed_at: null, version,
        })),
        drop: c.clientDrop ? { ...c.clientDrop, drop_id: `${version}-${newQid()}` } : null,
      };
    });
    try {
      await buffer.append(records);
    } catch (err) {
      forget(fresh);
      for (const c of group) c.reject(err);
      return;
    }
    offset = 0;
    for (const c of group) c.resolve(result.slice(offset, (offset += c.events.length)));
  }

  async function prepareReports(site: string): Promise<RefreshReport> {
    await buffer.flush();
    return refreshDerivedClickHouse(ch, site, sessionOptionsFor(sessionOptions(), site));
  }

  return {
    engine: 'clickhouse',
    ch,
    ingest,
    flush: () => buffer.flush(),
    prepareReports,
    async listQuarantine({ site, status, limit }) {
      await buffer.flush();
      const rows = await ch.rows<QuarantineDbRow>(q('select-quarantine'), { site: site ?? '', no_site: site === null ? 1 : 0, status, limit });
      return rows.map(parseQuarantineRecord);
    },
    async replay(moves: ReplayMove[], replayedAt: number) {
      if (moves.length === 0) return [];
      await buffer.flush();
      const rows = await ch.rows<QuarantineStored>(q('select-quarantine-rows'), { qids: moves.map((m) => m.qid) });
      const result = await ingest(moves.map((m) => m.row), []);
      await buffer.flush();
      const version = Date.now();
      await ch.insert('quarantine', rows.map((r) => ({ ...r, status: 'replayed', replayed_at: replayedAt, version: Math.max(version, r.version + 1) })));
      return result;
    },
    async summary(query: SummaryQuery): Promise<SummaryFigures> {
      await prepareReports(query.site);
      const range = { site: query.site, from: query.from, to: query.to };
      const [totals, drops, revenue, topPages, topChannels] = await Promise.all([
        ch.rows<Omit<SummaryFigures, 'revenue' | 'topPages' | 'topChannels' | 'clientDropped'>>(q('summary-totals'), range),
        ch.rows<{ clientDropped: number }>(q('summary-client-drops'), range),
        ch.rows<SummaryFigures['revenue'][number]>(q('summary-revenue'), range),
        ch.rows<SummaryFigures['topPages'][number]>(q('summary-top-pages'), { ...range, limit: query.limit }),
        ch.rows<SummaryFigures['topChannels'][number]>(q('summary-top-channels'), { ...range, limit: query.limit }),
      ]);
      return { ...totals[0], clientDropped: drops[0]?.clientDropped ?? 0, revenue, topPages, topChannels };
    },
    async ping() {
      try {
        return await ch.ping();
      } catch {
        return false;
      }
    },
    async close() {
      await buffer.close();
      await ch.close();
    },
  };
}
