import { toFigures } from '../../../sqlite/analytics/channels/get-breakdown.js';
import type { SessionTotals, SessionTotalsQuery, WindowTotalsQuery } from '../../../sqlite/analytics/channels/get-session-totals.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';
import { sessionGroups } from './get-breakdown.js';

/**
 * Totals of the human sessions that started in `[from, to)` and pass the filters, in ClickHouse:
 * as the SQLite engine's `getSessionTotals` (the breakdown's query with one `(all)` group;
 * `users` counts distinct persons over the whole range).
 */
export async function getSessionTotals(ch: ClickHouseDb, q: SessionTotalsQuery): Promise<SessionTotals> {
  const [row] = await sessionGroups(ch, q.site, q.from, q.to, null, q.filters ?? {});
  return totalsOf(row);
}

/** getSessionTotals of each window, in one query (windows may overlap); in the windows' order. */
export async function getSessionTotalsByWindow(ch: ClickHouseDb, q: WindowTotalsQuery): Promise<SessionTotals[]> {
  if (q.windows.length === 0) return [];
  const from = Math.min(...q.windows.map((w) => w.from));
  const to = Math.max(...q.windows.map((w) => w.to));
  const rows = new Map((await sessionGroups(ch, q.site, from, to, null, q.filters ?? {}, q.windows)).map((r) => [r.key, r]));
  return q.windows.map((_, i) => totalsOf(rows.get(String(i + 1))));
}

function totalsOf(row: Parameters<typeof toFigures>[0] | undefined): SessionTotals {
  const empty = { key: '(all)', sessions: 0, users: 0, pageviews: 0, engaged_sessions: 0, conversions: 0, converting_sessions: 0, revenue: '[]' };
  const { key: _key, ...totals } = toFigures(row ?? empty, '(all)');
  return totals;
}
