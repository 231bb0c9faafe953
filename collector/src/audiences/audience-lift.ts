/**
 * Lift of an audience: the conversion rate of exported members against the holdout over a
 * range (lift-groups.sql says who is in each group). Both engines: the groups come from the
 * metadata database, the conversions from the engine's events.
 */
import { ratio } from '../analytics/metrics/metric-types.js';
import { audienceSql, type StoredAudience } from '../storage/sqlite/analytics/audiences/audience-store.js';
import type { AudienceData } from './audience-engine.js';
import { consentAllows, consentStates } from './consent.js';

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
export async function audienceLift(data: AudienceData, site: string, audience: StoredAudience, from: number, to: number, goal?: string): Promise<AudienceLift> {
  const rows = audienceSql(data.meta, 'lift-groups').all({ site, audience_id: audience.id, from, to }) as { name: 'exported' | 'holdout'; personId: string }[];
  const spells = rows.filter((r) => r.name === 'holdout').map((r) => r.personId);
  const consent = await consentStates(data, site, spells);
  const members = {
    exported: rows.filter((r) => r.name === 'exported').map((r) => r.personId),
    holdout: spells.filter((p) => consentAllows(consent.get(p), audience.definition.activation.consent)),
  };
  const everyone = [...new Set([...members.exported, ...members.holdout])];
  const converted = new Set(everyone.length ? await data.engine.convertedPersons({ site, personIds: everyone, from, to, goal: goal ?? null }) : []);
  const group = (name: 'exported' | 'holdout'): LiftGroup => {
    const persons = members[name].length;
    const done = members[name].filter((p) => converted.has(p)).length;
    return { persons, converted: done, rate: ratio(done, persons) };
  };
  const exported = group('exported');
  const holdout = group('holdout');
  const absoluteLift = exported.rate === null || holdout.rate === null ? null : exported.rate - holdout.rate;
  const relativeLift = absoluteLift === null || !holdout.rate ? null : absoluteLift / holdout.rate;
  return { exported, holdout, absoluteLift, relativeLift };
}
