/** The report engine of an open store: SQLite's reports on the SQLite store, ClickHouse's on ClickHouse. */
import type { ClickHouseStore } from './clickhouse/clickhouse-store.js';
import { clickHouseReportEngine } from './clickhouse/clickhouse-report-engine.js';
import type { ReportEngine } from './report-engine.js';
import type { SqliteStore } from './sqlite/sqlite-store.js';
import { sqliteReportEngine } from './sqlite/sqlite-report-engine.js';

export function reportEngineOf(store: SqliteStore | ClickHouseStore): ReportEngine {
  return 'db' in store ? sqliteReportEngine(store.db) : clickHouseReportEngine(store);
}
