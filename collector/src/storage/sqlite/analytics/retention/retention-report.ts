import { ratio } from '../../../../analytics/metrics/metric-types.js';
import type { RetentionCohort, RetentionQuery, RetentionReport } from './get-retention.js';
import { periodBounds, periodCount, type PeriodBounds } from './period-bounds.js';

/** A retention-cohorts row: a cohort's size (`k` null) or its persons with a return in period k. */
export interface RetentionRow {
  cohort: number;
  k: number | null;
  persons: number;
}

/** The number of cohorts of `q`, and the bounds of every period a cohort can reach (in the site time zone). */
export function retentionPeriods(q: RetentionQuery): { cohorts: number; bounds: PeriodBounds } {
  const cohorts = periodCount(q.from, q.to, q.period);
  return { cohorts, bounds: periodBounds(q.from, q.period, cohorts + q.periods - 1, q.timeZone) };
}

/** The parameters of retention-cohorts; `bounds` are the period starts (the SQLite engine binds them as JSON). */
export function retentionParams(q: RetentionQuery, cohorts: number, bounds: PeriodBounds) {
  return {
    site: q.site,
    bounds: bounds.starts,
    cohorts,
    periods: q.periods,
    cohort: q.cohort,
    signup_event: q.signupEvent,
    return_event: q.returnEvent,
  };
}

/**
 * The retention table from the retention-cohorts rows, for both engines: periods that have not
 * begun by `q.now` are null, and the average of period k counts only the cohorts whose period k has begun.
 */
export function retentionReport(q: RetentionQuery, cohorts: number, bounds: PeriodBounds, rows: RetentionRow[]): RetentionReport {
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
