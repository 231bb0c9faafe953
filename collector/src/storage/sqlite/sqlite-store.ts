import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  ClientDropRow, EventRow, InsertOutcome, QuarantineRow, ReplayMove, Store, SummaryFigures, SummaryQuery,
} from '../store.js';
import { loadSql, QUERIES_DIR } from './load-sql.js';
import { refreshDerived } from '../../analytics/sessions/refresh-derived.js';
import { groupCommit } from './group-commit.js';
import { migrate } from './migrate.js';
import { parseQuarantineRecord, type QuarantineDbRow } from './quarantine-record.js';

const QUERY_NAMES = [
  'insert-event', 'insert-quarantine', 'select-quarantine', 'mark-quarantine-replayed', 'ping',
  'summary-totals', 'summary-revenue', 'summary-top-pages', 'summary-top-channels', 'summary-client-drops',
  'insert-client-drop',
] as const;
type QueryName = (typeof QUERY_NAMES)[number];

/**
 * Opens (creating if needed) a SQLite database, applies pending migrations and returns a Store.
 *
 * WAL lets reports read while ingest writes. `synchronous = FULL` because the collector answers
 * "accepted" only after the commit, and the SDK then forgets the events: with NORMAL, a power
 * loss could undo a commit WAL mode already acknowledged. FULL costs one fsync per transaction,
 * and a batch is one transaction.
 */
/** The SQLite store; `db` is the connection the analytics reports run on. */
export interface SqliteStore extends Store {
  readonly db: Database.Database;
}

export function openSqliteStore(dbPath: string): SqliteStore {
  const db = openSqliteDatabase(dbPath);
  const q = Object.fromEntries(QUERY_NAMES.map((n) => [n, db.prepare(loadSql(QUERIES_DIR, n))])) as Record<
    QueryName,
    Database.Statement
  >;

  const insertEvents = (rows: EventRow[]): InsertOutcome[] =>
    rows.map((row) => (q['insert-event'].run(row).changes === 1 ? 'accepted' : 'duplicate'));

  type IngestInput = { events: EventRow[]; quarantine: QuarantineRow[]; clientDrop?: ClientDropRow };
  const ingestTx = db.transaction((inputs: IngestInput[]) =>
    inputs.map(({ events, quarantine, clientDrop }) => {
      for (const row of quarantine) q['insert-quarantine'].run(quarantineParams(row));
      if (clientDrop) q['insert-client-drop'].run(clientDrop);
      return insertEvents(events);
    }),
  );
  const ingest = groupCommit<IngestInput, InsertOutcome[]>((inputs) => ingestTx(inputs));

  const replayTx = db.transaction((moves: ReplayMove[], replayedAt: number) =>
    moves.map((m) => {
      q['mark-quarantine-replayed'].run({ qid: m.qid, replayed_at: replayedAt });
      return insertEvents([m.row])[0];
    }),
  );

  return {
    db,
    ingest(events, quarantine, clientDrop) {
      return ingest({ events, quarantine, clientDrop });
    },
    async listQuarantine({ site, status, limit }) {
      const rows = q['select-quarantine'].all({ site, status, limit }) as QuarantineDbRow[];
      return rows.map(parseQuarantineRecord);
    },
    async replay(moves, replayedAt) {
      return replayTx(moves, replayedAt);
    },
    async summary(query) {
      refreshDerived(db, query.site);
      return summarize(q, query);
    },
    async ping() {
      return (q.ping.get() as { ok: number } | undefined)?.ok === 1;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Opens (creating if needed) the SQLite file with the collector's settings and schema. On the
 * ClickHouse engine the same file is the metadata database: alert rules and their history,
 * saved funnels, tags and audiences; its event tables stay empty.
 */
export function openSqliteDatabase(dbPath: string): Database.Database {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function quarantineParams(row: QuarantineRow): Record<string, unknown> {
  return {
    ...row,
    reasons: JSON.stringify(row.reasons),
    request: row.request ? JSON.stringify(row.request) : null,
  };
}

function summarize(q: Record<QueryName, Database.Statement>, query: SummaryQuery): SummaryFigures {
  const range = { site: query.site, from: query.from, to: query.to };
  const totals = q['summary-totals'].get(range) as Omit<SummaryFigures, 'revenue' | 'topPages' | 'topChannels' | 'clientDropped'>;
  const drops = q['summary-client-drops'].get(range) as { clientDropped: number };
  return {
    ...totals,
    ...drops,
    revenue: q['summary-revenue'].all(range) as SummaryFigures['revenue'],
    topPages: q['summary-top-pages'].all({ ...range, limit: query.limit }) as SummaryFigures['topPages'],
    topChannels: q['summary-top-channels'].all({ ...range, limit: query.limit }) as SummaryFigures['topChannels'],
  };
}

