/**
 * Writes client drop reports. Each gets the drop id `sqlite:<rowid>`: ClickHouse keeps drop
 * reports in a ReplacingMergeTree keyed by (site, received_at, drop_id) and reads them with FINAL,
 * so a chunk inserted twice (an interruption between its insert and its progress record) still
 * counts each report once, while two equal reports from SQLite stay two.
 */
import type { ClickHouseDb } from '../clickhouse-db.js';
import type { ChunkRow } from './copy-table.js';
import { toClickHouseRow } from './table-writers.js';

/** Inserts a chunk of drop reports under their SQLite identities. */
export function clientDropsWriter(ch: ClickHouseDb, chColumns: string[]): (rows: ChunkRow[]) => Promise<void> {
  return (rows) => ch.insert('client_drops', rows.map((r) => toClickHouseRow(r, chColumns, { drop_id: `sqlite:${r.import_key}` })));
}
