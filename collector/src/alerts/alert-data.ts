/**
 * What alert evaluation reads: the reports of the configured storage engine, and the metadata
 * database (saved funnels that rules refer to). On the SQLite engine both are the one database
 * file; on ClickHouse the reports run there and the metadata stays in the collector's SQLite file.
 */
import type Database from 'better-sqlite3';
import type { ReportEngine } from '../storage/report-engine.js';
import { sqliteReportEngine } from '../storage/sqlite/sqlite-report-engine.js';

export interface AlertData {
  /** The metadata database: rules, their state and history, saved funnels. */
  meta: Database.Database;
  reports: ReportEngine;
}

/** Alert data on the embedded SQLite engine: metadata and events in one database. */
export function sqliteAlertData(db: Database.Database): AlertData {
  return { meta: db, reports: sqliteReportEngine(db) };
}
