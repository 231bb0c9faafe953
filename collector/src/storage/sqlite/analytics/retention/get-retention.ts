import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { fileStatement } from '../funnels/cached-statement.js';
import { retentionParams, retentionPeriods, retentionReport, type RetentionRow } from './retention-report.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** A retention table request. Dates are calendar days in `timeZone`. */
export interface RetentionQuery {
  site: string;
  timeZone: string;
  /** First and last day whose period holds a cohort (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  cohort: 'first_visit' | 'signup';
  /** The event that makes a person part of the signup cohort. */
  signupEvent: string;
  period: 'day' | 'week';
  /** The event that counts as a return; null: any event. */
  returnEvent: string | null;
  /** Periods after the cohort's own (period 0 included). */
  periods: number;
  /** Periods starting after this instant have not happened yet (null). Default now. */
  now?: number;
}

/** One cohort: the persons who arrived (or signed up) in one period. */
export interface RetentionCohort {
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  size: number;
  /** Persons with a return in period k (0 = the cohort's own); null when period k has not begun. */
  retained: (number | null)[];
  /** retained / size. */
  rates: (number | null)[];
}

/** A retention table. */
export interface RetentionReport {
  cohorts: RetentionCohort[];
  /** Per period k: Σ retained / Σ size over the cohorts whose period k has begun. */
  average: (number | null)[];
}

/**
 * Retention by cohort, in SQL: cohort membership and returns are counted in the database and only
 * (cohort, period, persons) rows come back.
 */
export function getRetention(db: Database.Database, q: RetentionQuery): RetentionReport {
  refreshDerived(db, q.site);
  const { cohorts, bounds } = retentionPeriods(q);
  const params = retentionParams(q, cohorts, bounds);
  const rows = fileStatement(db, DIR, 'retention-cohorts').all({ ...params, bounds: JSON.stringify(params.bounds) }) as RetentionRow[];
  return retentionReport(q, cohorts, bounds, rows);
}
