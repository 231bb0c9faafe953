/**
 * The rows an audience hands to a channel: current members outside the holdout whose consent
 * allows it, each with its user id and the identity types the export policy lists. Phone and
 * email leave only as the salted `sha256:` hashes the collector stored; a value without that
 * prefix is left out rather than sent in clear.
 */
import type Database from 'better-sqlite3';
import { HASH_PREFIX, HASHED_IDENTITIES } from '../ingest/enrich/identities.js';
import { audienceSql, type StoredAudience } from '../storage/sqlite/analytics/audiences/audience-store.js';
import type { AudienceData } from './audience-engine.js';
import { consentAllows, consentStates } from './consent.js';

/** One exported person. */
export interface ExportRow {
  personId: string;
  /** The person's user id; null for a visitor never identified (person id `anon:…`). */
  userId: string | null;
  /** Allowed identity types → value (the most recently seen one of that type). */
  identities: Record<string, string>;
}

/** The exportable members of an audience, by person id. */
export async function exportRows(data: AudienceData, site: string, audience: StoredAudience): Promise<ExportRow[]> {
  const { activation } = audience.definition;
  const members = (audienceSql(data.meta, 'exportable-members').all({ site, audience_id: audience.id }) as { personId: string }[]).map((r) => r.personId);
  const consent = await consentStates(data, site, members);
  const persons = members.filter((p) => consentAllows(consent.get(p), activation.consent));
  const found = new Map<string, Record<string, string>>();
  if (activation.identities.length > 0 && persons.length > 0) {
    for (const r of await data.engine.identitiesOfPersons({ site, personIds: persons, types: activation.identities })) {
      if (!safeToExport(r.type, r.value)) continue;
      const ids = found.get(r.personId) ?? {};
      ids[r.type] ??= r.value;
      found.set(r.personId, ids);
    }
  }
  return persons.map((personId) => ({ personId, userId: personId.startsWith('anon:') ? null : personId, identities: found.get(personId) ?? {} }));
}

function safeToExport(type: string, value: string): boolean {
  return !(HASHED_IDENTITIES as readonly string[]).includes(type) || value.startsWith(HASH_PREFIX);
}

/** Records that these persons were handed to a channel (the treated group of the lift report). */
export function markDelivered(db: Database.Database, site: string, audienceId: string, personIds: readonly string[], now: number): void {
  const insert = audienceSql(db, 'insert-delivered');
  for (const person_id of personIds) insert.run({ site, audience_id: audienceId, person_id, now });
}

/** CSV of the export: person_id, user_id, then one column per allowed identity type. */
export function exportCsv(rows: readonly ExportRow[], identityTypes: readonly string[]): string {
  const header = ['person_id', 'user_id', ...identityTypes];
  const lines = rows.map((r) => [r.personId, r.userId ?? '', ...identityTypes.map((t) => r.identities[t] ?? '')].map(csvField).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
