/**
 * Consent to marketing, on the server. A person's state is their latest statement by time, from
 * either an identify trait `consent` (true | false) or `POST /v1/persons/:id/consent`. Exports,
 * webhook pushes and triggers honour it: a person whose latest statement is false is never
 * exported or triggered; under the default policy (`granted`) neither is one who never said.
 */
import type Database from 'better-sqlite3';
import { audienceSql } from '../storage/sqlite/analytics/audiences/audience-store.js';

/** Records a statement and returns the person's state after it. */
export function recordConsent(db: Database.Database, site: string, personId: string, s: { granted: boolean; ts?: number; source?: string }) {
  const ts = s.ts ?? Date.now();
  audienceSql(db, 'insert-consent').run({ site, person_id: personId, ts, granted: s.granted ? 1 : 0, source: s.source ?? null });
  const state = audienceSql(db, 'select-consent').get({ site, person_id: personId }) as { granted: number; ts: number };
  return { site, personId, granted: state.granted === 1, since: new Date(state.ts).toISOString() };
}
