import type Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSql } from '../../load-sql.js';

/** The folder holding the SQL of sessions and persons. */
export const SESSIONS_SQL_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Every statement of this folder, by file name without `.sql`. */
export type SessionStatements = Readonly<Record<string, Database.Statement>>;

const cache = new WeakMap<Database.Database, SessionStatements>();

/**
 * The statements of this folder prepared on `db`, once per connection: the refresh runs before
 * every report, and preparing parses the SQL each time. Call it outside a transaction: it
 * creates the connection's temp tables, and a rollback would undo that behind the cache's back.
 */
export function sessionStatements(db: Database.Database): SessionStatements {
  const cached = cache.get(db);
  if (cached) return cached;
  if (db.inTransaction) throw new Error('prepare the session statements before opening a transaction');
  const names = readdirSync(SESSIONS_SQL_DIR).filter((f) => f.endsWith('.sql')).map((f) => f.slice(0, -4));
  // Statements on temp tables can only be prepared once the tables exist on this connection.
  for (const name of names.filter((n) => n.startsWith('create-'))) db.exec(loadSql(SESSIONS_SQL_DIR, name));
  const statements: Record<string, Database.Statement> = {};
  for (const name of names.filter((n) => !n.startsWith('create-'))) {
    statements[name] = db.prepare(loadSql(SESSIONS_SQL_DIR, name));
  }
  const proxy = new Proxy(statements, {
    get(target, name: string) {
      const statement = target[name];
      if (!statement) throw new Error(`no statement ${name}.sql in ${SESSIONS_SQL_DIR}`);
      return statement;
    },
  });
  cache.set(db, proxy);
  return proxy;
}
