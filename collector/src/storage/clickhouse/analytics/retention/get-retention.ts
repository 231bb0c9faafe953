import { fileURLToPath } from 'node:url';
import type { RetentionQuery, RetentionReport } from '../../../sqlite/analytics/retention/get-retention.js';
import { retentionParams, retentionPeriods, retentionReport, type RetentionRow } from '../../../sqlite/analytics/retention/retention-report.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * Retention by cohort, in ClickHouse: the same report as the SQLite engine's `getRetention`.
 * Period bounds are cut in the site time zone and the table is assembled from the rows by the same
 * code (retention-report.ts); membership and returns are counted in the database and only
 * (cohort, period, persons) rows come back. Reads derived rows (persons, sessions) as they are:
 * the caller refreshes them first.
 */
export async function getRetention(ch: ClickHouseDb, q: RetentionQuery): Promise<RetentionReport> {
  const { cohorts, bounds } = retentionPeriods(q);
  const rows = await ch.rows<RetentionRow>(ch.sql(DIR, 'retention-cohorts'), retentionParams(q, cohorts, bounds));
  return retentionReport(q, cohorts, bounds, rows);
}
