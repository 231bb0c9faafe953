import type Database from 'better-sqlite3';
import { getBreakdown, type GroupFigures, type SessionFilters } from './get-breakdown.js';

/** How the channel report groups sessions. */
export const CHANNEL_GROUPINGS = ['channel', 'source_medium', 'campaign'] as const;
export type ChannelGrouping = (typeof CHANNEL_GROUPINGS)[number];

/** One row of the channel report. */
export type ChannelRow = Omit<GroupFigures, 'pageviews' | 'key'> & { key: string };

/**
 * The channel report: sessions that started in `[from, to)` grouped by their entry attribution
 * (channel, `source / medium`, or campaign), with users, conversions, conversion rate and
 * revenue per currency. Sorted by sessions, then key.
 */
export function getChannelReport(db: Database.Database, q: { site: string; from: number; to: number; by: ChannelGrouping; filters?: SessionFilters }): ChannelRow[] {
  return getBreakdown(db, { site: q.site, from: q.from, to: q.to, dimension: q.by, filters: q.filters }).map(({ pageviews: _pageviews, ...row }) => ({
    ...row,
    key: String(row.key),
  }));
}
