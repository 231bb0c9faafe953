import { toFigures } from '../../../sqlite/analytics/channels/get-breakdown.js';
import type { SessionTotals, SessionTotalsQuery } from '../../../sqlite/analytics/channels/get-session-totals.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';
import { sessionGroups } from './get-breakdown.js';

/**
 * Totals of the human sessions that started in `[from, to)` and pass the filters, in ClickHouse:
 * as the SQLite engine's `getSessionTotals` (the breakdown's query with one `(all)` group;
 * `users` counts distinct persons over the whole range).
 */
export async function getSessionTotals(ch: ClickHouseDb, q: SessionTotalsQuery): Promise<SessionTotals> {
  const [row] = await sessionGroups(ch, q.site, q.from, q.to, null, q.filters ?? {});
  const empty = { key: '(all)', sessions: 0, users: 0, pageviews: 0, engaged_sessions: 0, conversions: 0, converting_sessions: 0, revenue: '[]' };
  const { key: _key, ...totals } = toFigures(row ?? empty, '(all)');
  return totals;
}
