import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { ratio } from '../../../../analytics/metrics/metric-types.js';
import { fileStatement } from '../funnels/cached-statement.js';
import { periodBounds, periodCount } from './period-bounds.js';

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
  const cohorts = periodCount(q.from, q.to, q.period);
  const bounds = periodBounds(q.from, q.period, cohorts + q.periods - 1, q.timeZone);
  const rows = fileStatement(db, DIR, 'retention-cohorts').all({
    site: q.site,
    bounds: JSON.stringify(bounds.starts),
    cohorts,
    periods: q.periods,
    cohort: q.cohort,
    signup_event: q.signupEvent,
    return_event: q.returnEvent,
  }) as { cohort: number; k: number | null; persons: number }[];
  const count = new Map(rows.map((r) => [`${r.cohort}:${r.k ?? 'size'}`, r.persons]));
  const now = q.now ?? Date.now();
  const table = bounds.labels.slice(0, cohorts).map((start, c): RetentionCohort => {
    const size = count.get(`${c}:size`) ?? 0;
    const retained = Array.from({ length: q.periods }, (_, k) => (bounds.starts[c + k] > now ? null : count.get(`${c}:${k}`) ?? 0));
    return { start, size, retained, rates: retained.map((n) => (n === null ? null : ratio(n, size))) };
  });
  return { cohorts: table, average: averageRates(table, q.periods) };
}

function averageRates(cohorts: RetentionCohort[], periods: number): (number | null)[] {
  return Array.from({ length: periods }, (_, k) => {
    const begun = cohorts.filter((c) => c.retained[k] !== null);
    const retained = begun.reduce((sum, c) => sum + (c.retained[k] ?? 0), 0);
    return ratio(retained, begun.reduce((sum, c) => sum + c.size, 0));
  });
}
