import type Database from 'better-sqlite3';
import { sessionStatements, type SessionStatements } from '../../storage/sqlite/analytics/sessions/session-statements.js';
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
  /** SDK queue-drop reports of the person's own devices. */
  clientDrops: number;
  personTags: number;
  /** Audience membership spells. */
  audienceMembers: number;
  /** Membership last acknowledged by audience webhooks. */
  audiencePushed: number;
  /** Records of having been handed to a channel. */
  audienceDelivered: number;
  consentRecords: number;
  triggerFirings: number;
}

/**
 * Deletes a person (resolved through merges) and everything derived from or carrying it: its
 * events, sessions, identities, the links of its anonymous ids and user ids, its merges,
 * quarantined payloads that mention its user ids or its own anonymous ids, its devices' queue-drop
 * reports, and its tag values, audience memberships, pushed and delivered records, consent
 * records and trigger firings (under its id and every id merged into it). An anonymous id shared
 * with another person (a shared device) keeps that person's events; its sessions are recomputed,
 * and identities the deleted person claimed first pass to their next claimant. One transaction.
 * Alerts, campaign reviews and audience sizes hold aggregates only, so they are not touched.
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
    const own = JSON.stringify(visitors.filter((v) => v.shared === 0).map((v) => v.anonymous_id));
    const userIds = (q['select-person-user-ids'].all(p) as { user_id: string }[]).map((r) => r.user_id);
    const merged = (q['select-person-merged-from'].all(p) as { from_person: string }[]).map((r) => r.from_person);
    const persons = JSON.stringify([person, ...merged]);
    q['mark-identity-claimants-dirty'].run(p);
    q['mark-person-visitors-dirty'].run(p);
    const counts: DeletionCounts = {
      personId: person,
      quarantine: q['delete-person-quarantine'].run({ site, needles: JSON.stringify([...userIds, ...JSON.parse(own)]) }).changes,
      events: q['delete-person-events'].run(p).changes,
      sessions: q['delete-person-sessions'].run(p).changes,
      identities: q['delete-person-identities'].run(p).changes,
      identityLinks: q['delete-person-links'].run({ site, user_ids: JSON.stringify(userIds), anonymous_ids: own }).changes,
      personMerges: q['delete-person-merges'].run(p).changes,
      clientDrops: q['delete-person-client-drops'].run({ site, anonymous_ids: own }).changes,
      ...deletePersonData(q, site, persons),
    };
    // Shared devices: what remains of them is re-sessionized without the deleted events.
    refreshDerived(db, site, options);
    return counts;
  });
  return db.inTransaction ? tx() : tx.immediate();
}

/** Tag, audience, consent and trigger rows of the persons in `persons` (a JSON array of ids). */
function deletePersonData(q: SessionStatements, site: string, persons: string) {
  const run = (name: string) => q[name].run({ site, persons }).changes;
  return {
    personTags: run('delete-person-tags'),
    audienceMembers: run('delete-person-audience-members'),
    audiencePushed: run('delete-person-audience-pushed'),
    audienceDelivered: run('delete-person-audience-delivered'),
    consentRecords: run('delete-person-consent'),
    triggerFirings: run('delete-person-trigger-firings'),
  };
}
