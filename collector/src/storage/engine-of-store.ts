/** The engines of an open store: SQLite's on the SQLite store, ClickHouse's on ClickHouse. */
import type Database from 'better-sqlite3';
import type { AudienceEngine } from '../audiences/audience-engine.js';
import { clickHouseAudienceEngine } from './clickhouse/analytics/audiences/clickhouse-audience-engine.js';
import { sqliteAudienceEngine } from './sqlite/analytics/audiences/sqlite-audience-engine.js';
import type { ClickHouseStore } from './clickhouse/clickhouse-store.js';
import { clickHouseReportEngine } from './clickhouse/clickhouse-report-engine.js';
import type { ReportEngine } from './report-engine.js';
import type { SqliteStore } from './sqlite/sqlite-store.js';
import { sqliteReportEngine } from './sqlite/sqlite-report-engine.js';

export function reportEngineOf(store: SqliteStore | ClickHouseStore): ReportEngine {
  return 'db' in store ? sqliteReportEngine(store.db) : clickHouseReportEngine(store);
}

/** Tag values and audience selections; on ClickHouse the current tag runs are kept in `meta`. */
export function audienceEngineOf(store: SqliteStore | ClickHouseStore, meta: Database.Database): AudienceEngine {
  return 'db' in store ? sqliteAudienceEngine(store.db) : clickHouseAudienceEngine(store, meta);
}
