import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { computeMetric } from '../../../../analytics/metrics/metric-dictionary.js';
import { NAME_PATTERN } from '../../../../dictionary/events.js';
import { preparedStatement } from './prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** Session dimensions a report can group by (the session's entry attribution and device). */
export const SESSION_DIMENSIONS = ['channel', 'source_medium', 'campaign', 'device_type', 'browser', 'os', 'landing_page'] as const;
export type SessionDimension = (typeof SESSION_DIMENSIONS)[number];

/** A dimension: a session dimension, or `prop:<name>` for an event property. */
export type Dimension = SessionDimension | `prop:${string}`;

/** An amount of one currency; amounts of different currencies are never added. */
export interface Money {
  currency: string;
  amount: number;
}

/** Figures of one group (one value of the dimension). */
export interface GroupFigures {
  /** The dimension's value; `(not set)` when the session has none. Property values keep their JSON type. */
  key: string | number | boolean;
  sessions: number;
  /** Distinct persons (identified users count once across devices). */
  users: number;
  pageviews: number;
  /** Counted conversions (humans only, one per order). */
  conversions: number;
  /** Sessions with at least one conversion. */
  convertingSessions: number;
  /** convertingSessions / sessions by the metric dictionary; null without sessions. */
  conversionRate: number | null;
  revenue: Money[];
}

/** Site, range `[from, to)` in epoch ms, and the dimension. */
export interface BreakdownQuery {
  site: string;
  from: number;
  to: number;
  dimension: Dimension;
}

interface CountRow {
  key: string;
  sessions: number;
  users: number;
  pageviews: number;
  conversions: number;
  converting_sessions: number;
}

/**
 * Sessions, users, page views, conversions and revenue per value of a dimension. Session
 * dimensions count the sessions that started in the range; `prop:<name>` counts events in the
 * range carrying the property. Rows are sorted by sessions, then key.
 */
export function getBreakdown(db: Database.Database, q: BreakdownQuery): GroupFigures[] {
  const prop = propertyName(q.dimension);
  const params = prop === null ? { site: q.site, from: q.from, to: q.to, dim: q.dimension } : { site: q.site, from: q.from, to: q.to, prop };
  const [countsSql, revenueSql] = prop === null ? ['session-groups', 'session-group-revenue'] : ['property-groups', 'property-group-revenue'];
  const counts = preparedStatement(db, DIR, countsSql).all(params) as CountRow[];
  const revenue = preparedStatement(db, DIR, revenueSql).all(params) as (Money & { key: string })[];
  const byKey = new Map<string, Money[]>();
  for (const r of revenue) byKey.set(r.key, [...(byKey.get(r.key) ?? []), { currency: r.currency, amount: r.amount }]);
  const rows = counts.map((c) => ({
    key: prop === null ? c.key : (JSON.parse(c.key) as string | number | boolean),
    sessions: c.sessions,
    users: c.users,
    pageviews: c.pageviews,
    conversions: c.conversions,
    convertingSessions: c.converting_sessions,
    conversionRate: computeMetric('conversion_rate', { converting_sessions: c.converting_sessions, sessions: c.sessions }),
    revenue: (byKey.get(c.key) ?? []).sort((a, b) => a.currency.localeCompare(b.currency)),
  }));
  return rows.sort((a, b) => b.sessions - a.sessions || String(a.key).localeCompare(String(b.key)));
}

/** The property name of `prop:<name>`, or null for a session dimension; throws on a bad name. */
export function propertyName(dimension: string): string | null {
  if (!dimension.startsWith('prop:')) return null;
  const name = dimension.slice(5);
  // The name reaches SQL only as a bound parameter; the pattern also keeps `"` out of the JSON path.
  if (!NAME_PATTERN.test(name) || name.length > 64) throw new RangeError(`"${name}" is not a property name`);
  return name;
}
