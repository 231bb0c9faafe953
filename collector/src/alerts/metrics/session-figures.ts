/**
 * Session figures of a window through the breakdown and time-series reports, so an alert sees
 * exactly the numbers the reports show.
 */
import type Database from 'better-sqlite3';
import { getBreakdown, type GroupFigures, type Money } from '../../storage/sqlite/analytics/channels/get-breakdown.js';
import { getTimeseries } from '../../storage/sqlite/analytics/timeseries/get-timeseries.js';
import type { AlertFilters } from '../alert-rule.js';
import type { MetricQuery } from './metric-source.js';

/** The session dimensions a rule may filter on. */
export const FILTER_DIMENSIONS = ['channel', 'source_medium', 'campaign', 'device_type'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Session figures of one window; `users` is null when no report can count it for the window. */
export type SessionFigures = Omit<GroupFigures, 'key' | 'conversionRate' | 'users'> & { users: number | null };

/** The rule's dimension filter, or null when it watches the whole site. */
export function dimensionFilter(filters: AlertFilters): { dim: FilterDimension; value: string } | null {
  const dim = FILTER_DIMENSIONS.find((d) => filters[d] !== undefined);
  return dim ? { dim, value: filters[dim]! } : null;
}

/** Figures of the sessions that started in the window (one dimension value, or all). */
export function sessionFigures(db: Database.Database, q: MetricQuery): SessionFigures {
  const filter = dimensionFilter(q.filters);
  const range = { site: q.site, from: q.start, to: q.end };
  if (filter) {
    const row = getBreakdown(db, { ...range, dimension: filter.dim }).find((r) => String(r.key) === filter.value);
    return row ?? { sessions: 0, users: 0, pageviews: 0, conversions: 0, convertingSessions: 0, revenue: [] };
  }
  // Each session has exactly one channel, so the channel rows add up to the site's figures.
  const rows = getBreakdown(db, { ...range, dimension: 'channel' });
  return {
    sessions: sum(rows.map((r) => r.sessions)),
    pageviews: sum(rows.map((r) => r.pageviews)),
    conversions: sum(rows.map((r) => r.conversions)),
    convertingSessions: sum(rows.map((r) => r.convertingSessions)),
    revenue: addMoney(rows.flatMap((r) => r.revenue)),
    users: siteUsers(db, q),
  };
}

/**
 * Distinct persons of the whole site in the window. People are not additive over channels, so
 * this takes the time series with monthly buckets (clipped to the window): one bucket when the
 * window lies in one month. Across a month boundary no report counts it yet: null.
 */
function siteUsers(db: Database.Database, q: MetricQuery): number | null {
  const points = getTimeseries(db, { site: q.site, from: q.start, to: q.end, interval: 'month', timeZone: q.timeZone, metrics: ['users'] });
  return points.length === 1 ? (points[0].users ?? null) : null;
}

/** The amount in `currency`, or in the only currency present; null when several are present. */
export function amountIn(money: readonly Money[], currency: string | undefined): number | null {
  if (currency) return sum(money.filter((m) => m.currency === currency).map((m) => m.amount));
  if (money.length > 1) return null;
  return money[0]?.amount ?? 0;
}

function addMoney(items: readonly Money[]): Money[] {
  const byCurrency = new Map<string, number>();
  for (const m of items) byCurrency.set(m.currency, (byCurrency.get(m.currency) ?? 0) + m.amount);
  return [...byCurrency].map(([currency, amount]) => ({ currency, amount }));
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
