import type Database from 'better-sqlite3';
import { sessionStatements } from '../../storage/sqlite/analytics/sessions/session-statements.js';
import { refreshDerived } from '../sessions/refresh-derived.js';
import type { RefreshOptions } from '../sessions/session-options.js';
import { PersonError } from './person-error.js';
import { personExists, resolvePerson } from './resolve-person.js';

/** Rows removed by deletePerson, per table. */
export interface DeletionCounts {
  personId: string;
  events: number;
  sessions: number;
  identities: number;
  identityLinks: number;
  personMerges: number;
  quarantine: number;
}

/**
 * Deletes a person (resolved through merges) and everything derived from or carrying it: its
 * events, sessions, identities, the links of its anonymous ids and user ids, its merges, and
 * quarantined payloads that mention its user ids or its own anonymous ids. An anonymous id shared
 * with another person (a shared device) keeps that person's events; its sessions are recomputed,
 * and identities the deleted person claimed first pass to their next claimant. One transaction.
 * Throws PersonError (person_not_found) for an unknown person.
 */
export function deletePerson(db: Database.Database, site: string, personId: string, options: RefreshOptions = {}): DeletionCounts {
  const q = sessionStatements(db);
  const tx = db.transaction((): DeletionCounts => {
    refreshDerived(db, site, options);
    const person = resolvePerson(q, site, personId);
    if (!personExists(q, site, person)) throw new PersonError('person_not_found', '/id', `no person "${personId}" in site "${site}"`);
    const p = { site, person };
    const visitors = q['select-person-visitors'].all(p) as { anonymous_id: string; shared: number }[];
    const own = visitors.filter((v) => v.shared === 0).map((v) => v.anonymous_id);
    const userIds = (q['select-person-user-ids'].all(p) as { user_id: string }[]).map((r) => r.user_id);
    q['mark-identity-claimants-dirty'].run(p);
    q['mark-person-visitors-dirty'].run(p);
    const counts: DeletionCounts = {
      personId: person,
      quarantine: q['delete-person-quarantine'].run({ site, needles: JSON.stringify([...userIds, ...own]) }).changes,
      events: q['delete-person-events'].run(p).changes,
      sessions: q['delete-person-sessions'].run(p).changes,
      identities: q['delete-person-identities'].run(p).changes,
      identityLinks: q['delete-person-links'].run({ site, user_ids: JSON.stringify(userIds), anonymous_ids: JSON.stringify(own) }).changes,
      personMerges: q['delete-person-merges'].run(p).changes,
    };
    // Shared devices: what remains of them is re-sessionized without the deleted events.
    refreshDerived(db, site, options);
    return counts;
  });
  return db.inTransaction ? tx() : tx.immediate();
}
