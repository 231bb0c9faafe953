import type Database from 'better-sqlite3';
import { sessionStatements, type SessionStatements } from '../../storage/sqlite/analytics/sessions/session-statements.js';
import { refreshDerived, type RefreshReport } from '../sessions/refresh-derived.js';
import type { RefreshOptions } from '../sessions/session-options.js';
import { PersonError } from './person-error.js';
import { personRank, rankName } from './person-rank.js';
import { personExists, resolvePerson } from './resolve-person.js';

/** What a merge did. */
export interface MergeResult {
  /** The person merged away (after resolving earlier merges). */
  from: string;
  /** The person that remains. */
  into: string;
  /** False when both already were the same person (nothing changed). */
  merged: boolean;
  /** The refresh that re-derived the merged person's events and sessions. */
  refresh: RefreshReport;
}

/**
 * Explicitly merges person `from` into `into`: the only way two identified persons become one.
 * Records the merge (flat: earlier merges into `from` are re-pointed to `into`), moves `from`'s
 * identities, marks its visitors dirty and refreshes, all in one transaction (a failed refresh
 * undoes the merge). `into` must be
 * identified at least as strongly as `from` (see person-rank.ts): an identified person is never
 * merged into an anonymous one. Merging two ids that already are one person changes nothing.
 */
export function mergePersons(db: Database.Database, site: string, from: string, into: string, options: RefreshOptions = {}): MergeResult {
  const q = sessionStatements(db);
  const tx = db.transaction(() => {
    // The person ids of events must be current before they are looked up.
    const before = refreshDerived(db, site, options);
    const f = resolvePerson(q, site, from);
    const i = resolvePerson(q, site, into);
    checkMerge(q, site, { from, f }, { into, i });
    if (f === i) return { from: f, into: i, merged: false, refresh: before };
    q['repoint-person-merges'].run({ site, from: f, into: i });
    q['insert-person-merge'].run({ site, from: f, into: i, merged_at: Date.now() });
    q['repoint-person-identities'].run({ site, from: f, into: i });
    q['mark-person-visitors-dirty'].run({ site, person: f });
    return { from: f, into: i, merged: true, refresh: refreshDerived(db, site, options) };
  });
  return db.inTransaction ? tx() : tx.immediate();
}

function checkMerge(q: SessionStatements, site: string, a: { from: string; f: string }, b: { into: string; i: string }): void {
  if (!personExists(q, site, a.f)) throw new PersonError('person_not_found', '/from', `no person "${a.from}" in site "${site}"`);
  if (!personExists(q, site, b.i)) throw new PersonError('person_not_found', '/into', `no person "${b.into}" in site "${site}"`);
  if (a.f === b.i) return;
  const rankOf = (p: string) => personRank(p, (q['select-person-identity-types'].all({ site, person: p }) as { type: string }[]).map((r) => r.type));
  const [rf, ri] = [rankOf(a.f), rankOf(b.i)];
  if (ri > rf) {
    throw new PersonError(
      'invalid_merge',
      '/into',
      `person "${b.i}" is identified by ${rankName(ri)}, weaker than "${a.f}" (${rankName(rf)}); merge the weaker person into the stronger: swap "from" and "into"`,
    );
  }
}
