import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { computeMetric } from '../../../../analytics/metrics/metric-dictionary.js';
import { NAME_PATTERN } from '../../../../dictionary/events.js';
import { preparedStatement } from './prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * Session dimensions a report can group and filter by (the session's entry attribution and
 * device). `content` is the entry utm_content (the creative).
 */
export const SESSION_DIMENSIONS = ['channel', 'source_medium', 'campaign', 'content', 'device_type', 'browser', 'os', 'landing_page'] as const;
export type SessionDimension = (typeof SESSION_DIMENSIONS)[number];

/** A dimension: a session dimension, or `prop:<name>` for an event property. */
export type Dimension = SessionDimension | `prop:${string}`;

/**
 * Session filters: each named dimension must take the value, or one of the values, given
 * (`"(not set)"` matches sessions without one). Several dimensions narrow together (AND).
 */
export type SessionFilters = Partial<Record<SessionDimension, string | readonly string[]>>;

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
  /** Engaged sessions (GA4: at least 10 s, a conversion, or at least 2 page views). */
  engagedSessions: number;
  /** (sessions − engagedSessions) / sessions by the metric dictionary; null without sessions. */
  bounceRate: number | null;
  /** Counted conversions (humans only, one per order). */
  conversions: number;
  /** Sessions with at least one conversion. */
  convertingSessions: number;
  /** convertingSessions / sessions by the metric dictionary; null without sessions. */
  conversionRate: number | null;
  revenue: Money[];
}

/** Site, range `[from, to)` in epoch ms, the dimension, and optional session filters. */
export interface BreakdownQuery {
  site: string;
  from: number;
  to: number;
  dimension: Dimension;
  /** Session filters; with a `prop:` dimension they are not supported (RangeError). */
  filters?: SessionFilters;
}

/** A row of the group statements, before it becomes GroupFigures. */
export interface CountRow {
  key: string;
  sessions: number;
  users: number;
  pageviews: number;
  engaged_sessions: number;
  conversions: number;
  converting_sessions: number;
  /** Session dimensions: the revenue per currency as a JSON array. */
  revenue?: string;
}

/** A property-group-revenue row: the revenue of one currency for one property value (JSON text). */
export type PropertyRevenueRow = Money & { key: string };

/**
 * Sessions, users, page views, engaged sessions, conversions and revenue per value of a
 * dimension. Session dimensions count the sessions that started in the range (narrowed by the
 * filters); `prop:<name>` counts events in the range carrying the property. Rows are sorted by
 * sessions, then key.
 */
export function getBreakdown(db: Database.Database, q: BreakdownQuery): GroupFigures[] {
  const prop = propertyName(q.dimension);
  if (prop === null) return sortBySessions(sessionGroups(db, q.site, q.from, q.to, q.dimension as SessionDimension, q.filters ?? {}).map((c) => toFigures(c, c.key)));
  if (q.filters && Object.keys(q.filters).length > 0) throw new RangeError('filters apply to session dimensions only, not to prop:<name>');
  const params = { site: q.site, from: q.from, to: q.to, prop };
  const counts = preparedStatement(db, DIR, 'property-groups').all(params) as CountRow[];
  const revenue = preparedStatement(db, DIR, 'property-group-revenue').all(params) as PropertyRevenueRow[];
  return propertyFigures(counts, revenue);
}

/**
 * The figures of a `prop:<name>` breakdown from the property-groups rows (keys as JSON text) and
 * the property-group-revenue rows of the same keys, sorted as every breakdown. Shared with the
 * ClickHouse engine.
 */
export function propertyFigures(counts: CountRow[], revenue: PropertyRevenueRow[]): GroupFigures[] {
  const byKey = new Map<string, Money[]>();
  for (const r of revenue) byKey.set(r.key, [...(byKey.get(r.key) ?? []), { currency: r.currency, amount: r.amount }]);
  return sortBySessions(counts.map((c) => ({ ...toFigures(c, JSON.parse(c.key) as string | number | boolean), revenue: sortMoney(byKey.get(c.key) ?? []) })));
}

/**
 * The session-groups statement: one row per value of `dim` (or one `(all)` row when `dim` is
 * null) among the sessions that pass `filters`. Shared with getSessionTotals.
 */
export function sessionGroups(db: Database.Database, site: string, from: number, to: number, dim: SessionDimension | null, filters: SessionFilters): CountRow[] {
  const params: Record<string, unknown> = { site, from, to, dim };
  for (const d of SESSION_DIMENSIONS) {
    const v = filters[d];
    params[`f_${d}`] = v === undefined ? null : JSON.stringify(typeof v === 'string' ? [v] : v);
  }
  for (const name of Object.keys(filters)) {
    if (!(SESSION_DIMENSIONS as readonly string[]).includes(name)) throw new RangeError(`"${name}" is not a session dimension; use one of ${SESSION_DIMENSIONS.join(', ')}`);
  }
  return preparedStatement(db, DIR, 'session-groups').all(params) as CountRow[];
}

/** Figures of a counted row (revenue from its JSON column when it has one). */
export function toFigures(c: CountRow, key: string | number | boolean): GroupFigures {
  return {
    key,
    sessions: c.sessions,
    users: c.users,
    pageviews: c.pageviews,
    engagedSessions: c.engaged_sessions,
    bounceRate: computeMetric('bounce_rate', { sessions: c.sessions, engaged_sessions: c.engaged_sessions }),
    conversions: c.conversions,
    convertingSessions: c.converting_sessions,
    conversionRate: computeMetric('conversion_rate', { converting_sessions: c.converting_sessions, sessions: c.sessions }),
    revenue: c.revenue === undefined ? [] : sortMoney(JSON.parse(c.revenue) as Money[]),
  };
}

function sortMoney(money: Money[]): Money[] {
  return money.sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Breakdown rows in their order: most sessions first, then by key (localeCompare, which SQL cannot do). Sorts in place. */
export function sortBySessions(rows: GroupFigures[]): GroupFigures[] {
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
