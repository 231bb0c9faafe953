/**
 * The copy's progress, kept in ClickHouse beside the data it describes: after each chunk is
 * inserted, the last key of that chunk is recorded, and a rerun continues after it.
 *
 * The table is a plain local table on the first server, also on a cluster: only the tool reads
 * it, always through the first server, and it needs no sharding.
 */
import type { ClickHouseDb } from '../clickhouse-db.js';
import { CH_IMPORT_DIR } from './import-dirs.js';

/** The tables whose copy is resumable. */
export type CopiedTable = 'events' | 'quarantine' | 'client_drops';

/** Recorded progress of one SQLite database. */
export interface ImportProgress {
  /** The last copied key of a table (0: nothing copied yet). */
  last(table: CopiedTable): number;
  /** Records that everything up to `key` of `table` is in ClickHouse. */
  record(table: CopiedTable, key: number): Promise<void>;
}

/** Creates the progress table when missing and reads the progress of `source`. */
export async function openImportProgress(ch: ClickHouseDb, source: string): Promise<ImportProgress> {
  await ch.run(ch.sql(CH_IMPORT_DIR, 'create-import-progress'));
  const rows = await ch.rows<{ table_name: string; last_key: number }>(ch.sql(CH_IMPORT_DIR, 'select-import-progress'), { source });
  const last = new Map(rows.map((r) => [r.table_name, Number(r.last_key)]));
  return {
    last: (table) => last.get(table) ?? 0,
    async record(table, key) {
      await ch.insert('import_progress', [{ source, table_name: table, last_key: key, version: Date.now() }]);
      last.set(table, key);
    },
  };
}
