/** Time series answers (`GET /v1/reports/timeseries`) and their totals over a range. */
import { apiGet } from './api.js';
import type { Filters } from './state.js';

/** Money of one currency; currencies are never added together. */
export interface Money {
  currency: string;
  amount: number;
}

/** One bucket of the series. */
export interface SeriesPoint {
  start: string;
  startUtc: string;
  endUtc: string;
  sessions?: number;
  users?: number;
  pageviews?: number;
  conversions?: number;
  converting_sessions?: number;
  conversion_rate?: number | null;
  revenue?: Money[];
}

/** Totals of the additive metrics over all buckets. */
export interface SeriesTotals {
  pageviews: number;
  sessions: number;
  conversions: number;
  converting_sessions: number;
  /** converting sessions / sessions, null without sessions (the metric dictionary's rule). */
  conversion_rate: number | null;
  revenue: Money[];
}

/** The metrics the overview asks for; all additive over buckets (sessions count by their start). */
export const OVERVIEW_SERIES = ['pageviews', 'sessions', 'conversions', 'converting_sessions', 'revenue'] as const;

/** A daily series of the overview metrics for a site and range. */
export async function loadDailySeries(f: Pick<Filters, 'site' | 'from' | 'to'>, signal: AbortSignal): Promise<SeriesPoint[]> {
  const r = await apiGet<{ points: SeriesPoint[] }>('/v1/reports/timeseries', {
    site: f.site, from: f.from, to: f.to, interval: 'day', metrics: OVERVIEW_SERIES.join(','),
  }, { signal });
  return r.points;
}

/**
 * Sums the buckets. Every metric here is additive: a session counts in the bucket where it
 * started, so the buckets' sessions add up to the range's sessions.
 */
export function seriesTotals(points: SeriesPoint[]): SeriesTotals {
  const sum = (k: 'pageviews' | 'sessions' | 'conversions' | 'converting_sessions') => points.reduce((n, p) => n + (p[k] ?? 0), 0);
  const revenue = new Map<string, number>();
  for (const p of points) for (const m of p.revenue ?? []) revenue.set(m.currency, (revenue.get(m.currency) ?? 0) + m.amount);
  const sessions = sum('sessions');
  const converting = sum('converting_sessions');
  return {
    pageviews: sum('pageviews'),
    sessions,
    conversions: sum('conversions'),
    converting_sessions: converting,
    conversion_rate: sessions === 0 ? null : converting / sessions,
    revenue: [...revenue].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
