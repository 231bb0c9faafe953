/**
 * Copies one SQLite table into ClickHouse in chunks ordered by a growing key, recording the last
 * key of each chunk once it is inserted, so an interrupted copy continues where it stopped.
 *
 * An interruption can fall between a chunk's insert and its progress record; the rerun then
 * inserts that chunk again. Every writer must therefore make a repeated chunk harmless (see
 * table-writers.ts and client-drops-writer.ts for how each table does it).
 */
import type { CopiedTable, ImportProgress } from './import-progress.js';
import type { SqliteSource } from './sqlite-source.js';

/** A row of a chunk: the SQLite row plus its copy key. */
export type ChunkRow = Record<string, unknown> & { import_key: number };

/** How one table is read and written. */
export interface TableCopy {
  table: CopiedTable;
  /** What the key is called in SQLite, for messages. */
  keyName: string;
  /** SQLite query files: the extent (max_key, total, done) and one chunk (`import_key`, …). */
  extentQuery: string;
  chunkQuery: string;
  /** Inserts one chunk; inserting the same chunk twice must leave the same data. */
  write(rows: ChunkRow[]): Promise<void>;
}

/** Where a table's copy stands when it starts. */
export interface CopyStart {
  /** Rows to copy in all (those that existed when this run started). */
  total: number;
  /** Of those, rows an earlier run copied. */
  done: number;
  /** The key an earlier run stopped after, or null when the copy starts from the beginning. */
  resumedAfter: number | null;
  keyName: string;
}

/** Receives the copy's progress (the CLI draws it). */
export interface CopyObserver {
  start(table: CopiedTable, start: CopyStart): void;
  advance(table: CopiedTable, done: number): void;
  finish(table: CopiedTable, result: TableResult): void;
}

/** Test hooks: a throw here simulates an interruption at that point. */
export interface CopyHooks {
  /** After a chunk is inserted, before its progress is recorded. */
  afterInsert?(table: CopiedTable, lastKey: number): void | Promise<void>;
  /** After a chunk's progress is recorded. */
  afterRecord?(table: CopiedTable, lastKey: number): void | Promise<void>;
}

/** What happened to one table. */
export interface TableResult extends CopyStart {
  table: CopiedTable;
  /** Rows inserted by this run. */
  copied: number;
  /** The last key now recorded. */
  lastKey: number;
  /** Stopped early on request (the signal): a rerun continues. */
  stopped: boolean;
  /** Rows stored in SQLite after this run started: a rerun copies them. */
  arrivedSince: number;
}

/** What a table copy needs besides its own description. */
export interface CopyContext {
  source: SqliteSource;
  progress: ImportProgress;
  chunk: number;
  observer?: CopyObserver;
  hooks?: CopyHooks;
  signal?: AbortSignal;
}

interface Extent { max_key: number; total: number; done: number }

/** Copies the rows of `spec.table` not copied yet, up to the last row that exists now. */
export async function copyTable(ctx: CopyContext, spec: TableCopy): Promise<TableResult> {
  const { source, progress, chunk, observer, hooks, signal } = ctx;
  const after0 = progress.last(spec.table);
  // Fixing the end now makes the total exact and the run finite while a collector keeps writing;
  // what arrives meanwhile is left to a rerun (cheap: it resumes after the last key).
  const extent = source.get<Extent>(spec.extentQuery, { after: after0 });
  const start: CopyStart = { total: extent.total, done: extent.done, resumedAfter: after0 > 0 ? after0 : null, keyName: spec.keyName };
  observer?.start(spec.table, start);
  let after = after0;
  let done = extent.done;
  let copied = 0;
  let stopped = false;
  while (after < extent.max_key) {
    if (signal?.aborted) { stopped = true; break; }
    const rows = source.all<ChunkRow>(spec.chunkQuery, { after, until: extent.max_key, limit: chunk });
    if (rows.length === 0) break;
    const lastKey = rows[rows.length - 1].import_key;
    await spec.write(rows);
    await hooks?.afterInsert?.(spec.table, lastKey);
    await progress.record(spec.table, lastKey);
    await hooks?.afterRecord?.(spec.table, lastKey);
    after = lastKey;
    done += rows.length;
    copied += rows.length;
    observer?.advance(spec.table, done);
  }
  const later = source.get<Extent>(spec.extentQuery, { after: extent.max_key });
  const result: TableResult = { ...start, table: spec.table, copied, lastKey: after, stopped, arrivedSince: later.total - later.done };
  observer?.finish(spec.table, result);
  return result;
}
