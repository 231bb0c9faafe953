/**
 * Copies an existing SQLite collector database into ClickHouse: the raw events, the quarantine
 * and the client drop reports. Sessions and persons are not copied: every copied visitor is
 * marked dirty, and the ClickHouse collector derives them from the events as it does for new
 * ones. The copy is chunked and resumable (copy-table.ts) and reads the SQLite file read-only,
 * so it can run beside a collector still writing it; a rerun after switching over copies what
 * arrived in the meantime.
 *
 * Not carried over by a rerun: changes SQLite makes to rows already copied (a quarantine replay,
 * a deleted person's events). Stop the SQLite collector before the final run.
 */
import type { ClickHouseDb } from '../clickhouse-db.js';
import { migrateClickHouse } from '../migrate.js';
import { clientDropsWriter } from './client-drops-writer.js';
import { copyTable, type CopyHooks, type CopyObserver, type TableCopy, type TableResult } from './copy-table.js';
import { findSkipped, type SkippedItem } from './find-skipped.js';
import { CH_IMPORT_DIR } from './import-dirs.js';
import { ImportError } from './import-error.js';
import { openImportProgress, type CopiedTable } from './import-progress.js';
import { openSqliteSource, type SqliteSource } from './sqlite-source.js';
import { eventsWriter, quarantineWriter } from './table-writers.js';

export { ImportError } from './import-error.js';
export type { CopyHooks, CopyObserver, CopyStart, TableResult } from './copy-table.js';
export type { SkippedItem } from './find-skipped.js';
export type { CopiedTable } from './import-progress.js';

/** Rows per chunk unless told otherwise. */
export const DEFAULT_CHUNK = 50_000;

/** What to copy and how to report it. */
export interface ImportSqliteOptions {
  /** The collector's SQLite file. */
  sqlitePath: string;
  /** Rows per chunk, and so per progress record (default 50 000). */
  chunk?: number;
  observer?: CopyObserver;
  /** Once aborted, the copy stops after the chunk in flight; a rerun continues. */
  signal?: AbortSignal;
  hooks?: CopyHooks;
}

/** The outcome of one run. */
export interface ImportSummary {
  /** The SQLite file's absolute path. */
  path: string;
  /** Its identity in the recorded progress. */
  source: string;
  /** Events, quarantine, client drops, in the order copied (fewer when stopped). */
  tables: TableResult[];
  /** Non-empty tables and columns not copied, with the reason. */
  skipped: SkippedItem[];
  /** False when stopped on request. */
  complete: boolean;
}

/** Copies what is not in ClickHouse yet; see the module comment. */
export async function importSqlite(ch: ClickHouseDb, options: ImportSqliteOptions): Promise<ImportSummary> {
  const source = openSqliteSource(options.sqlitePath);
  try {
    await checkClickHouse(ch);
    try {
      await migrateClickHouse(ch);
    } catch (err) {
      throw new ImportError(`could not create Maidian's tables in ClickHouse: ${(err as Error).message}`);
    }
    const progress = await openImportProgress(ch, source.identity);
    const chColumns = await copiedColumns(ch);
    const chTables = new Set((await ch.rows<{ name: string }>(ch.sql(CH_IMPORT_DIR, 'select-tables'), { database: ch.options.database })).map((t) => t.name));
    const skipped = findSkipped(source, chTables, chColumns);
    const ctx = { source, progress, chunk: options.chunk ?? DEFAULT_CHUNK, observer: options.observer, hooks: options.hooks, signal: options.signal };
    const tables: TableResult[] = [];
    for (const spec of tableCopies(ch, source, chColumns)) {
      const result = await copyTable(ctx, spec);
      tables.push(result);
      if (result.stopped) break;
    }
    return { path: source.path, source: source.identity, tables, skipped, complete: tables.length === 3 && !tables.some((t) => t.stopped) };
  } finally {
    source.close();
  }
}

function tableCopies(ch: ClickHouseDb, source: SqliteSource, columns: Record<CopiedTable, string[]>): TableCopy[] {
  return [
    { table: 'events', keyName: 'seq', extentQuery: 'events-extent', chunkQuery: 'select-events-chunk', write: eventsWriter(ch, columns.events) },
    { table: 'quarantine', keyName: 'qid', extentQuery: 'quarantine-extent', chunkQuery: 'select-quarantine-chunk', write: quarantineWriter(ch, columns.quarantine) },
    { table: 'client_drops', keyName: 'rowid', extentQuery: 'client-drops-extent', chunkQuery: 'select-client-drops-chunk', write: clientDropsWriter(ch, columns.client_drops) },
  ];
}

/** The columns of the copied tables in ClickHouse (the Distributed ones on a cluster). */
async function copiedColumns(ch: ClickHouseDb): Promise<Record<CopiedTable, string[]>> {
  const columnsOf = async (table: CopiedTable) => (await ch.rows<{ name: string }>(
    ch.sql(CH_IMPORT_DIR, 'select-table-columns'), { database: ch.options.database, table_name: table },
  )).map((c) => c.name);
  return { events: await columnsOf('events'), quarantine: await columnsOf('quarantine'), client_drops: await columnsOf('client_drops') };
}

/** Fails early, naming the server, when one does not answer or the cluster is not what it knows. */
async function checkClickHouse(ch: ClickHouseDb): Promise<void> {
  const { urls, cluster } = ch.options;
  for (const [i, client] of ch.clients.entries()) {
    const ping = await client.ping();
    if (!ping.success) {
      throw new ImportError(`cannot reach ClickHouse at ${urls[i]}: ${ping.error.message} (is the server running, and is this its HTTP port, 8123 by default?)`);
    }
  }
  if (!cluster) return;
  const clusters = await ch.rows<{ cluster: string; shards: number }>(ch.sql(CH_IMPORT_DIR, 'select-clusters'));
  const found = clusters.find((c) => c.cluster === cluster);
  if (!found) {
    throw new ImportError(`cluster "${cluster}" is not defined on ${urls[0]}; its remote_servers define: ${clusters.map((c) => c.cluster).join(', ') || 'none'}`);
  }
  if (urls.length < found.shards) {
    throw new ImportError(`cluster "${cluster}" has ${found.shards} shards but ${urls.length} server URL(s) were given: give every server's URL, since each gets its own tables`);
  }
}
