import { fileURLToPath } from 'node:url';

/** The ClickHouse query files of the SQLite import. */
export const CH_IMPORT_DIR = fileURLToPath(new URL('./clickhouse/', import.meta.url));
