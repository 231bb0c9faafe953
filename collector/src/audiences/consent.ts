/**
 * Consent to marketing, on the server. A person's state is their latest statement by time, from
 * either an identify trait `consent` (true | false) or `POST /v1/persons/:id/consent`; on the
 * same millisecond the API statement wins. Exports, webhook pushes and triggers honour it: a
 * person whose latest statement is false is never exported or triggered; under the default
 * policy (`granted`) neither is one who never said.
 */
import type Database from 'better-sqlite3';
import { audienceSql } from '../storage/sqlite/analytics/audiences/audience-store.js';
import type { AudienceData } from './audience-engine.js';
import type { ConsentPolicy } from './audience-schema.js';

/** A person's consent: the latest statement and when it was made. */
export interface ConsentState {
  granted: boolean;
  ts: number;
}

/** Records a statement and returns the person's state after it. */
export async function recordConsent(data: AudienceData, site: string, personId: string, s: { granted: boolean; ts?: number; source?: string }) {
  const ts = s.ts ?? Date.now();
  audienceSql(data.meta, 'insert-consent').run({ site, person_id: personId, ts, granted: s.granted ? 1 : 0, source: s.source ?? null });
  const state = (await consentStates(data, site, [personId])).get(personId)!;
  return { site, personId, granted: state.granted, since: new Date(state.ts).toISOString() };
}

/** The consent state of each listed person who ever made a statement. */
export async function consentStates(data: AudienceData, site: string, personIds: readonly string[]): Promise<Map<string, ConsentState>> {
  const states = new Map<string, ConsentState>();
  if (personIds.length === 0) return states;
  for (const t of await data.engine.traitConsent(site, personIds)) states.set(t.personId, { granted: t.granted, ts: t.ts });
  for (const r of apiStatements(data.meta, site, personIds)) {
    const trait = states.get(r.personId);
    if (!trait || r.ts >= trait.ts) states.set(r.personId, { granted: r.granted === 1, ts: r.ts });
  }
  return states;
}

/** Whether a person in `state` (undefined: never said) may be exported or triggered under `policy`. */
export function consentAllows(state: ConsentState | undefined, policy: ConsentPolicy): boolean {
  return state ? state.granted : policy === 'not_withdrawn';
}

function apiStatements(meta: Database.Database, site: string, personIds: readonly string[]) {
  return audienceSql(meta, 'select-consent-records').all({ site, persons: JSON.stringify(personIds) }) as { personId: string; granted: number; ts: number }[];
}
