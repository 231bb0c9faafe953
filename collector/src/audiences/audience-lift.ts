/**
 * Lift of an audience: the conversion rate of exported members against the holdout over a
 * range (see audience-lift.sql for who is in each group).
 */
import type Database from 'better-sqlite3';
import { ratio } from '../analytics/metrics/metric-types.js';
import { audienceSql, type StoredAudience } from '../storage/sqlite/analytics/audiences/audience-store.js';

/** One group's conversion. */
export interface LiftGroup {
  persons: number;
  converted: number;
  /** converted / persons; null for an empty group. */
  rate: number | null;
}

/** The lift report. */
export interface AudienceLift {
  exported: LiftGroup;
  holdout: LiftGroup;
  /** exported.rate − holdout.rate (null when a rate is). */
  absoluteLift: number | null;
  /** (exported.rate − holdout.rate) / holdout.rate (null when the holdout rate is 0 or null). */
  relativeLift: number | null;
}

/** Conversion of exported members vs holdout over `[from, to)` (epoch ms). */
export function audienceLift(db: Database.Database, site: string, audience: StoredAudience, from: number, to: number, goal?: string): AudienceLift {
  const rows = audienceSql(db, 'audience-lift').all({
    site, audience_id: audience.id, from, to, goal: goal ?? null, policy: audience.definition.activation.consent,
  }) as { name: 'exported' | 'holdout'; persons: number; converted: number }[];
  const group = (name: string): LiftGroup => {
    const r = rows.find((x) => x.name === name) ?? { persons: 0, converted: 0 };
    return { persons: r.persons, converted: r.converted, rate: ratio(r.converted, r.persons) };
  };
  const exported = group('exported');
  const holdout = group('holdout');
  const absoluteLift = exported.rate === null || holdout.rate === null ? null : exported.rate - holdout.rate;
  const relativeLift = absoluteLift === null || !holdout.rate ? null : absoluteLift / holdout.rate;
  return { exported, holdout, absoluteLift, relativeLift };
}
