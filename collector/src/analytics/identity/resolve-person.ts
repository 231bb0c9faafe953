import type { SessionStatements } from '../../storage/sqlite/analytics/sessions/session-statements.js';

/** The person `personId` stands for now: the one it was merged into, or itself. */
export function resolvePerson(q: SessionStatements, site: string, personId: string): string {
  const row = q['select-merge-target'].get({ site, person: personId }) as { into_person: string } | undefined;
  return row?.into_person ?? personId;
}

/** Whether the person has events (a person exists only through its events). */
export function personExists(q: SessionStatements, site: string, personId: string): boolean {
  return (q['select-person-exists'].get({ site, person: personId }) as { found: number }).found === 1;
}
