import type Database from 'better-sqlite3';
import { sessionGroups, toFigures, type GroupFigures, type SessionFilters } from './get-breakdown.js';

/** Site, range `[from, to)` in epoch ms, and optional session filters. */
export interface SessionTotalsQuery {
  site: string;
  from: number;
  to: number;
  filters?: SessionFilters;
}

/** Several windows `[from, to)` of one site and filters (they may overlap). */
export interface WindowTotalsQuery {
  site: string;
  windows: readonly { from: number; to: number }[];
  filters?: SessionFilters;
}

/** The figures of every session that passes the filters: one breakdown row without a key. */
export type SessionTotals = Omit<GroupFigures, 'key'>;

/**
 * Totals of the human sessions that started in `[from, to)` and pass the filters, with the
 * breakdown report's statement and definitions. `users` counts distinct persons over the
 * whole range (people are not additive over report rows or months, so no sum of rows gives it).
 */
export function getSessionTotals(db: Database.Database, q: SessionTotalsQuery): SessionTotals {
  const [row] = sessionGroups(db, q.site, q.from, q.to, null, q.filters ?? {});
  const empty = { key: '(all)', sessions: 0, users: 0, pageviews: 0, engaged_sessions: 0, conversions: 0, converting_sessions: 0, revenue: '[]' };
  const { key: _key, ...totals } = toFigures(row ?? empty, '(all)');
  return totals;
}

/** getSessionTotals of each window, in the windows' order (the SQLite statement is fast per window). */
export function getSessionTotalsByWindow(db: Database.Database, q: WindowTotalsQuery): SessionTotals[] {
  return q.windows.map((w) => getSessionTotals(db, { site: q.site, from: w.from, to: w.to, filters: q.filters }));
}
