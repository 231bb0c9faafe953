/**
 * Facts about a given list of persons read from event-derived data: whether they converted in a
 * range, and which identities they own. Audience lift and export select their persons from the
 * metadata tables first and then ask these; the ClickHouse engine answers the same questions in
 * clickhouse/analytics/audiences/person-facts.ts.
 */
import type Database from 'better-sqlite3';
import { audienceSql } from './audience-store.js';

/** Which persons converted: see convertedPersons. */
export interface ConvertedPersonsQuery {
  site: string;
  personIds: readonly string[];
  /** The range [from, to), epoch ms. */
  from: number;
  to: number;
  /** Only conversions of this goal; null for any goal. */
  goal: string | null;
}

/** Which identities: see identitiesOfPersons. */
export interface IdentitiesOfPersonsQuery {
  site: string;
  personIds: readonly string[];
  /** Identity types: user_id, phone, email, unionid, openid, device_id or a custom type. */
  types: readonly string[];
}

/** One identity a person owns (phone and email as stored: `sha256:…`). */
export interface PersonIdentity {
  personId: string;
  type: string;
  value: string;
}

/**
 * The persons of `q.personIds` with a counted conversion (humans only, one per order) in
 * [from, to), of `q.goal` when it is not null: each once, in byte order.
 */
export function convertedPersons(db: Database.Database, q: ConvertedPersonsQuery): string[] {
  const rows = audienceSql(db, 'converted-persons').all({
    site: q.site, person_ids: JSON.stringify(q.personIds), from: q.from, to: q.to, goal: q.goal,
  }) as { person_id: string }[];
  return rows.map((r) => r.person_id);
}

/**
 * The identities of `q.types` owned by the persons of `q.personIds` (the owner of an identity is
 * the person of its earliest claim), ordered by person, type, most recently seen first, then
 * value, in byte order.
 */
export function identitiesOfPersons(db: Database.Database, q: IdentitiesOfPersonsQuery): PersonIdentity[] {
  return audienceSql(db, 'identities-of-persons').all({
    site: q.site, person_ids: JSON.stringify(q.personIds), types: JSON.stringify(q.types),
  }) as PersonIdentity[];
}
