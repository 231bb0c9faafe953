import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the SQLite backend's query files. */
export const QUERIES_DIR = fileURLToPath(new URL('./queries/', import.meta.url));
/** The folder holding the numbered migration files. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Reads one SQL statement from `<dir>/<name>.sql`. Queries live in files so they can be read,
 * reviewed and run by hand; a ClickHouse backend keeps its own files under the same names.
 */
export function loadSql(dir: string, name: string): string {
  return readFileSync(join(dir, `${name}.sql`), 'utf8');
}
