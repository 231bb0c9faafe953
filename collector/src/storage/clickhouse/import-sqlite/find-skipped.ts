/**
 * What the copy leaves behind, so the operator knows before switching: non-empty SQLite tables
 * the copy does not carry over, and SQLite columns of copied tables that ClickHouse has no place
 * for. Each comes with the reason.
 */
import type { CopiedTable } from './import-progress.js';
import type { SqliteSource } from './sqlite-source.js';
import { EVENT_NOT_COPIED } from './table-writers.js';

/** A table (or one column of a copied table) that is not copied. */
export interface SkippedItem {
  table: string;
  /** Set when only this column of a copied table is skipped. */
  column?: string;
  /** Rows of the table (for a table). */
  rows?: number;
  reason: string;
}

const COPIED: readonly string[] = ['events', 'quarantine', 'client_drops'] satisfies CopiedTable[];
/** Bookkeeping of the SQLite engine itself; nothing to carry over. */
const INTERNAL = ['schema_migrations'];
const DERIVED = 'derived from events: the ClickHouse collector recomputes it for every copied visitor';
const REASONS: Record<string, string> = {
  sessions: DERIVED,
  identity_links: DERIVED,
  identities: DERIVED,
  dirty_visitors: 'replaced: every copied visitor is marked dirty on ClickHouse instead',
};
export const NOT_STORED = 'not stored on ClickHouse by this version';

/**
 * Lists what is not copied. `chTables` are the tables of Maidian's ClickHouse database and
 * `chColumns` the columns of the copied ones there.
 */
export function findSkipped(source: SqliteSource, chTables: ReadonlySet<string>, chColumns: Record<CopiedTable, string[]>): SkippedItem[] {
  const skipped: SkippedItem[] = [];
  for (const { name } of source.all<{ name: string }>('select-tables')) {
    if (COPIED.includes(name) || INTERNAL.includes(name)) continue;
    const rows = source.countRows(name);
    if (rows === 0) continue;
    const reason = REASONS[name] ?? (chTables.has(name) ? 'ClickHouse has this table, but this version of the copy does not fill it' : NOT_STORED);
    skipped.push({ table: name, rows, reason });
  }
  for (const table of COPIED as CopiedTable[]) {
    const notCopied = table === 'events' ? EVENT_NOT_COPIED : [];
    for (const { name } of source.all<{ name: string }>('select-columns', { table })) {
      if (!notCopied.includes(name) && !chColumns[table].includes(name)) skipped.push({ table, column: name, reason: NOT_STORED });
    }
  }
  return skipped;
}
