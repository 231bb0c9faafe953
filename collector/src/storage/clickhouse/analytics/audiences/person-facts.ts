/**
 * Facts about a given list of persons read from the events in ClickHouse: the same answers as
 * the SQLite engine's person-facts.ts. Audience lift and export select their persons from the
 * metadata (which stays in SQLite) and then ask these. Reads derived rows as they are: the
 * caller refreshes them first.
 */
import { fileURLToPath } from 'node:url';
import type { ConvertedPersonsQuery, IdentitiesOfPersonsQuery, PersonIdentity } from '../../../sqlite/analytics/audiences/person-facts.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';

export type { ConvertedPersonsQuery, IdentitiesOfPersonsQuery, PersonIdentity };

const DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * The persons of `q.personIds` with a counted conversion (humans only, one per order) in
 * [from, to), of `q.goal` when it is not null: each once, in byte order.
 */
export async function convertedPersons(ch: ClickHouseDb, q: ConvertedPersonsQuery): Promise<string[]> {
  // An IN list cannot be empty on ClickHouse.
  if (q.personIds.length === 0) return [];
  const rows = await ch.rows<{ person: string }>(ch.sql(DIR, 'converted-persons'), {
    site: q.site, person_ids: q.personIds, from: q.from, to: q.to, goal: q.goal,
  });
  return rows.map((r) => r.person);
}

/**
 * The identities of `q.types` owned by the persons of `q.personIds` (the owner of an identity is
 * the person of its earliest claim, on any device), ordered by person, type, most recently seen
 * first, then value, in byte order.
 */
export async function identitiesOfPersons(ch: ClickHouseDb, q: IdentitiesOfPersonsQuery): Promise<PersonIdentity[]> {
  if (q.personIds.length === 0 || q.types.length === 0) return [];
  return ch.rows<PersonIdentity>(ch.sql(DIR, 'identities-of-persons'), {
    site: q.site, person_ids: q.personIds, types: q.types,
  });
}
