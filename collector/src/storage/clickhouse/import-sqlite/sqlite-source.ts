/**
 * The SQLite database being copied, opened read-only. A running collector may still be writing
 * it: in WAL mode a reader never blocks the writer and sees a consistent snapshot per statement,
 * which is all the chunked copy needs (each chunk is one statement, keyed by an ever-growing id).
 */
import Database from 'better-sqlite3';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSql } from '../../sqlite/load-sql.js';
import { ImportError } from './import-error.js';

const SQLITE_DIR = fileURLToPath(new URL('./sqlite/', import.meta.url));

/** An open, read-only Maidian SQLite database. */
export interface SqliteSource {
  /** The file's absolute, symlink-free path. */
  path: string;
  /**
   * Names the database in the recorded progress: its path and the id of its first event, so a
   * different file later put at the same path is copied from the beginning.
   */
  identity: string;
  /** Runs one of the query files in `sqlite/` with named parameters. */
  all<T>(name: string, params?: Record<string, unknown>): T[];
  get<T>(name: string, params?: Record<string, unknown>): T;
  /** The number of rows of a table named in the database's own schema. */
  countRows(table: string): number;
  close(): void;
}

/** Opens `file` read-only; fails with an actionable message when it is not a Maidian database. */
export function openSqliteSource(file: string): SqliteSource {
  const path = resolve(file);
  if (!existsSync(path)) throw new ImportError(`SQLite file ${path} does not exist (--sqlite takes the collector's database file, e.g. data/maidian.db)`);
  if (!statSync(path).isFile()) throw new ImportError(`--sqlite ${path} is not a file`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    throw new ImportError(`cannot open ${path} as a SQLite database: ${(err as Error).message}`);
  }
  const statements = new Map<string, { statement: Database.Statement; columns: string[] }>();
  const statement = (name: string) => {
    let s = statements.get(name);
    if (!s) {
      const prepared = db.prepare(loadSql(SQLITE_DIR, name));
      s = { statement: prepared.raw(true), columns: prepared.columns().map((c) => c.name) };
      statements.set(name, s);
    }
    return s;
  };
  // Rows come as arrays and are made objects here: for a chunk of wide event rows this takes
  // well under half the time better-sqlite3 takes to build the objects itself.
  const all = <T>(name: string, params: Record<string, unknown> = {}) => {
    const { statement: s, columns } = statement(name);
    return (s.all(params) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i += 1) row[columns[i]] = values[i];
      return row;
    }) as T[];
  };
  const tables = all<{ name: string }>('select-tables').map((t) => t.name);
  for (const required of ['events', 'quarantine', 'client_drops']) {
    if (!tables.includes(required)) {
      db.close();
      throw new ImportError(`${path} is not a Maidian collector database: it has no ${required} table`);
    }
  }
  const first = all<{ id: string }>('select-first-event-id')[0];
  return {
    path: realpathSync(path),
    identity: `${realpathSync(path)}#${first?.id ?? ''}`,
    all,
    get: <T>(name: string, params: Record<string, unknown> = {}) => all<T>(name, params)[0],
    // A table name cannot be a parameter; this one comes from sqlite_master and is quoted.
    countRows: (table) => (db.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n,
    close: () => db.close(),
  };
}
