/**
 * Saved audiences in SQLite: definitions, membership spells, size history and overlap. The
 * definition is validated by the caller (audiences/audience-schema.ts).
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { AudienceDefinition } from '../../../../audiences/audience-schema.js';
import { fileStatement } from '../funnels/cached-statement.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
/** The statement of `<name>.sql` in this folder, prepared once per connection. */
export const audienceSql = (db: Database.Database, name: string) => fileStatement(db, DIR, name);

/** A stored audience. Times are ISO instants. */
export interface StoredAudience {
  id: string;
  definition: AudienceDefinition;
  createdAt: string;
  updatedAt: string;
}

interface Row { id: string; definition: string; created_at: number; updated_at: number }

/** Saves (creates or replaces) an audience definition. */
export function saveAudience(db: Database.Database, site: string, id: string, def: AudienceDefinition, now = Date.now()): void {
  audienceSql(db, 'upsert-audience').run({ site, id, definition: JSON.stringify(def), now });
}

/** One audience, or undefined. */
export function getAudience(db: Database.Database, site: string, id: string): StoredAudience | undefined {
  const row = audienceSql(db, 'select-audience').get({ site, id }) as Row | undefined;
  return row && fromRow(row);
}

/** The audiences of a site, by id. */
export function listAudiences(db: Database.Database, site: string): StoredAudience[] {
  return (audienceSql(db, 'select-audiences').all({ site }) as Row[]).map(fromRow);
}

/** Deletes an audience and everything recorded about it; false when it did not exist. */
export function deleteAudience(db: Database.Database, site: string, id: string): boolean {
  return db.transaction(() => {
    if (audienceSql(db, 'delete-audience').run({ site, id }).changes === 0) return false;
    for (const name of ['delete-audience-data', 'delete-audience-sizes', 'delete-audience-pushed', 'delete-audience-delivered']) audienceSql(db, name).run({ site, id });
    return true;
  })();
}

/** Size history, newest first. */
export function audienceSizes(db: Database.Database, site: string, id: string, limit = 100) {
  return (audienceSql(db, 'select-audience-sizes').all({ site, audience_id: id, limit }) as { computedAt: number; members: number; holdout: number; joined: number; left: number }[])
    .map((r) => ({ ...r, computedAt: new Date(r.computedAt).toISOString() }));
}

/** A page of membership spells (`current`: open spells only). */
export function audienceMembers(db: Database.Database, site: string, id: string, o: { current: boolean; offset: number; limit: number }) {
  return (audienceSql(db, 'select-members').all({ site, audience_id: id, current: o.current ? 1 : 0, offset: o.offset, limit: o.limit }) as { personId: string; joinedAt: number; leftAt: number | null; holdout: number }[])
    .map((r) => ({ personId: r.personId, joinedAt: new Date(r.joinedAt).toISOString(), leftAt: r.leftAt === null ? null : new Date(r.leftAt).toISOString(), holdout: r.holdout === 1 }));
}

/** How many spells `audienceMembers` pages through (the total behind its pages). */
export function audienceMemberCount(db: Database.Database, site: string, id: string, current: boolean): number {
  return (audienceSql(db, 'count-members').get({ site, audience_id: id, current: current ? 1 : 0 }) as { n: number }).n;
}

/** Overlap of the current members of two audiences. */
export function audienceOverlap(db: Database.Database, site: string, a: string, b: string) {
  const r = audienceSql(db, 'audience-overlap').get({ site, a, b }) as { a: number; b: number; both: number };
  const union = r.a + r.b - r.both;
  return { a: r.a, b: r.b, both: r.both, onlyA: r.a - r.both, onlyB: r.b - r.both, union, jaccard: union === 0 ? null : r.both / union };
}

function fromRow(row: Row): StoredAudience {
  // Parsed again so a row edited by hand cannot feed an invalid expression into a query.
  return { id: row.id, definition: AudienceDefinition.parse(JSON.parse(row.definition)), createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString() };
}
