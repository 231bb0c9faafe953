/**
 * Session figures of a window through the breakdown report's session totals, so an alert sees
 * exactly the numbers the reports show.
 */
import type { ReportEngine } from '../../storage/report-engine.js';
import type { Money, SessionFilters } from '../../storage/sqlite/analytics/channels/get-breakdown.js';
import type { SessionTotals } from '../../storage/sqlite/analytics/channels/get-session-totals.js';
import type { AlertFilters } from '../alert-rule.js';
import { FILTER_DIMENSIONS, type FilterDimension } from './metric-filters.js';
import type { MetricQuery } from './metric-source.js';

/** Session figures of one window. */
export type SessionFigures = SessionTotals;

/** The rule's dimension filters in the order of FILTER_DIMENSIONS; empty when it watches the whole site. */
export function dimensionFilters(filters: AlertFilters): { dim: FilterDimension; value: string }[] {
  return FILTER_DIMENSIONS.filter((d) => filters[d] !== undefined).map((dim) => ({ dim, value: filters[dim]! }));
}

/** The rule's dimension filters as report session filters. */
export function sessionFilters(filters: AlertFilters): SessionFilters {
  return Object.fromEntries(dimensionFilters(filters).map((f) => [f.dim, f.value]));
}

/**
 * Figures of the sessions that started in the window and pass every dimension filter. Visitors
 * are distinct persons over the whole window, also when it crosses a month.
 */
export function sessionFigures(reports: ReportEngine, q: MetricQuery): Promise<SessionFigures> {
  return reports.sessionTotals({ site: q.site, from: q.start, to: q.end, filters: sessionFilters(q.filters) });
}

/** The amount in `currency`, or in the only currency present; null when several are present. */
export function amountIn(money: readonly Money[], currency: string | undefined): number | null {
  if (currency) return money.filter((m) => m.currency === currency).reduce((a, m) => a + m.amount, 0);
  if (money.length > 1) return null;
  return money[0]?.amount ?? 0;
}
