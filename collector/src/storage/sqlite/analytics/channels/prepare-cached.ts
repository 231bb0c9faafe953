import type Database from 'better-sqlite3';
import { loadSql } from '../../load-sql.js';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement `<dir>/<name>.sql` prepared on `db`, prepared once per connection and reused:
 * reports run often, and preparing parses the SQL every time.
 */
export function preparedStatement(db: Database.Database, dir: string, name: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  const key = `${dir}\u0000${name}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = db.prepare(loadSql(dir, name));
    statements.set(key, statement);
  }
  return statement;
}
