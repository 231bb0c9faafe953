import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSql, MIGRATIONS_DIR, QUERIES_DIR } from './load-sql.js';

/** A migration file name: a number, a dash, a name (`001-events.sql`). */
const MIGRATION_FILE = /^(\d+)-[a-z0-9-]+\.sql$/;

/**
 * Applies the numbered migrations not yet recorded in `schema_migrations`, in order, each in its
 * own transaction, and returns the names of those applied now.
 */
export function migrate(db: Database.Database, dir: string = MIGRATIONS_DIR): string[] {
  db.exec(loadSql(QUERIES_DIR, 'create-schema-migrations'));
  const applied = new Set(
    (db.prepare(loadSql(QUERIES_DIR, 'select-applied-migrations')).all() as { name: string }[]).map((r) => r.name),
  );
  const record = db.prepare(loadSql(QUERIES_DIR, 'insert-migration'));
  const pending = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f) && !applied.has(f))
    .sort((a, b) => Number(MIGRATION_FILE.exec(a)![1]) - Number(MIGRATION_FILE.exec(b)![1]));
  for (const name of pending) {
    const sql = readFileSync(join(dir, name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run({ name, applied_at: Date.now() });
    })();
  }
  return pending;
}
