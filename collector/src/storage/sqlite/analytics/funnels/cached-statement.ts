import type Database from 'better-sqlite3';
import { loadSql } from '../../load-sql.js';

const MAX_PER_CONNECTION = 64;
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * `sql` prepared on `db`, once per connection: a report or a saved funnel runs again and again,
 * and preparing parses the SQL each time. Funnel SQL depends on the definition's shape, so the
 * cache is bounded (least recently used goes first).
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (statements.size >= MAX_PER_CONNECTION) statements.delete(statements.keys().next().value!);
  }
  statements.set(sql, statement);
  return statement;
}

const texts = new Map<string, string>();

/** The statement of the file `<dir>/<name>.sql`, read once and prepared once per connection. */
export function fileStatement(db: Database.Database, dir: string, name: string): Database.Statement {
  const key = `${dir}\u0000${name}`;
  let sql = texts.get(key);
  if (sql === undefined) texts.set(key, (sql = loadSql(dir, name)));
  return cachedStatement(db, sql);
}
