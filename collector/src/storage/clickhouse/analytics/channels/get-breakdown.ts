import {
  propertyFigures, propertyName, SESSION_DIMENSIONS, sortBySessions, toFigures,
  type BreakdownQuery, type CountRow, type GroupFigures, type PropertyRevenueRow, type SessionDimension, type SessionFilters,
} from '../../../sqlite/analytics/channels/get-breakdown.js';
import { CH_ANALYTICS_DIR, type ClickHouseDb, type Params } from '../../clickhouse-db.js';

const DIR = `${CH_ANALYTICS_DIR}channels`;

/** A session-groups row as ClickHouse returns it: revenue as [currency, amount] pairs. */
type SessionGroupRow = Omit<CountRow, 'revenue'> & { revenue: [string, number][] };

/**
 * The breakdown report in ClickHouse: the same figures, rows and order as the SQLite engine's
 * `getBreakdown`. Session dimensions count the sessions that started in the range (narrowed by
 * the filters); `prop:<name>` counts events in the range carrying the property. Reads derived
 * rows as they are: the caller refreshes them first.
 */
export async function getBreakdown(ch: ClickHouseDb, q: BreakdownQuery): Promise<GroupFigures[]> {
  const prop = propertyName(q.dimension);
  if (prop === null) {
    const rows = await sessionGroups(ch, q.site, q.from, q.to, q.dimension as SessionDimension, q.filters ?? {});
    return sortBySessions(rows.map((c) => toFigures(c, c.key)));
  }
  if (q.filters && Object.keys(q.filters).length > 0) throw new RangeError('filters apply to session dimensions only, not to prop:<name>');
  const params = { site: q.site, from: q.from, to: q.to, prop };
  const [counts, revenue] = await Promise.all([
    ch.rows<CountRow>(ch.sql(DIR, 'property-groups'), params),
    ch.rows<PropertyRevenueRow>(ch.sql(DIR, 'property-group-revenue'), params),
  ]);
  return propertyFigures(counts, revenue);
}

/**
 * The session-groups query: one row per value of `dim` (or one `(all)` row when `dim` is null)
 * among the sessions that pass `filters`, with revenue as the SQLite rows carry it (JSON), so
 * `toFigures` reads both engines' rows alike. With `windows`, one row per window (keys `1`, `2`,
 * … in their order) instead. Shared with getSessionTotals.
 */
export async function sessionGroups(ch: ClickHouseDb, site: string, from: number, to: number, dim: SessionDimension | null, filters: SessionFilters, windows?: readonly { from: number; to: number }[]): Promise<CountRow[]> {
  for (const name of Object.keys(filters)) {
    if (!(SESSION_DIMENSIONS as readonly string[]).includes(name)) throw new RangeError(`"${name}" is not a session dimension; use one of ${SESSION_DIMENSIONS.join(', ')}`);
  }
  if (dim !== null && !SESSION_DIMENSIONS.includes(dim)) throw new RangeError(`"${String(dim)}" is not a session dimension; use one of ${SESSION_DIMENSIONS.join(', ')}`);
  const params: Params = {
    site, from, to, dim: windows ? '(window)' : dim ?? '(all)', filter: SESSION_DIMENSIONS.filter((d) => filters[d] !== undefined),
    // Never empty: 18.16 cannot type an empty array literal here.
    starts: windows?.length ? windows.map((w) => w.from) : [0], ends: windows?.length ? windows.map((w) => w.to) : [0],
  };
  for (const d of SESSION_DIMENSIONS) {
    const v = filters[d];
    params[`f_${d}`] = v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }
  const rows = await ch.rows<SessionGroupRow>(ch.sql(DIR, 'session-groups'), params);
  return rows.map((r) => ({ ...r, revenue: JSON.stringify(r.revenue.map(([currency, amount]) => ({ currency, amount }))) }));
}
