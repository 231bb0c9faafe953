import type { SessionFilters } from '../../../sqlite/analytics/channels/get-breakdown.js';
import type { ChannelGrouping, ChannelRow } from '../../../sqlite/analytics/channels/get-channel-report.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';
import { getBreakdown } from './get-breakdown.js';

/**
 * The channel report in ClickHouse, as the SQLite engine's `getChannelReport`: sessions that
 * started in `[from, to)` grouped by channel, `source / medium` or campaign, with users,
 * conversions, conversion rate and revenue per currency. Sorted by sessions, then key.
 */
export async function getChannelReport(ch: ClickHouseDb, q: { site: string; from: number; to: number; by: ChannelGrouping; filters?: SessionFilters }): Promise<ChannelRow[]> {
  const rows = await getBreakdown(ch, { site: q.site, from: q.from, to: q.to, dimension: q.by, filters: q.filters });
  return rows.map(({ pageviews: _pageviews, ...row }) => ({ ...row, key: String(row.key) }));
}
