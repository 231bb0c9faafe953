/**
 * Tag definitions in SQLite: create, edit (each edit is a new version, the old ones kept), list,
 * read and delete. Definitions are validated by the caller (audiences/tag-schema.ts).
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { TagDefinition } from '../../../../audiences/tag-schema.js';
import { fileStatement } from '../funnels/cached-statement.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const q = (db: Database.Database, name: string) => fileStatement(db, DIR, name);

/** A stored tag. Times are ISO instants. */
export interface StoredTag extends TagDefinition {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface TagRow { id: string; version: number; definition: string; created_at: number; updated_at: number }

/** Creates a tag at version 1; false when the id is taken. */
export function createTag(db: Database.Database, site: string, id: string, def: TagDefinition, now = Date.now()): boolean {
  const definition = JSON.stringify(def);
  return db.transaction(() => {
    if (q(db, 'select-tag').get({ site, id })) return false;
    q(db, 'insert-tag').run({ site, id, definition, now });
    q(db, 'insert-tag-version').run({ site, id, version: 1, definition, now });
    return true;
  })();
}

/** Stores a new version of a tag; returns it, or null when the tag does not exist. */
export function updateTag(db: Database.Database, site: string, id: string, def: TagDefinition, now = Date.now()): number | null {
  const definition = JSON.stringify(def);
  return db.transaction(() => {
    const row = q(db, 'update-tag').get({ site, id, definition, now }) as { version: number } | undefined;
    if (!row) return null;
    q(db, 'insert-tag-version').run({ site, id, version: row.version, definition, now });
    return row.version;
  })();
}

/** One tag, or undefined. */
export function getTag(db: Database.Database, site: string, id: string): StoredTag | undefined {
  const row = q(db, 'select-tag').get({ site, id }) as TagRow | undefined;
  return row && fromRow(row);
}

/** The tags of a site, by id. */
export function listTags(db: Database.Database, site: string): StoredTag[] {
  return (q(db, 'select-tags').all({ site }) as TagRow[]).map(fromRow);
}

/** Every version of a tag, oldest first. */
export function tagVersions(db: Database.Database, site: string, id: string): { version: number; createdAt: string; definition: TagDefinition }[] {
  return (q(db, 'select-tag-versions').all({ site, id }) as { version: number; definition: string; created_at: number }[])
    .map((r) => ({ version: r.version, createdAt: new Date(r.created_at).toISOString(), definition: TagDefinition.parse(JSON.parse(r.definition)) }));
}

/** Deletes a tag with its versions and values; false when it did not exist. */
export function deleteTag(db: Database.Database, site: string, id: string): boolean {
  return db.transaction(() => {
    if (q(db, 'delete-tag').run({ site, id }).changes === 0) return false;
    for (const name of ['delete-tag-history', 'delete-tag-all-values', 'delete-tag-run']) q(db, name).run({ site, id });
    return true;
  })();
}

/** A person's tag values with the tag names. */
export function personTags(db: Database.Database, site: string, personId: string) {
  const rows = q(db, 'select-person-tags').all({ site, person_id: personId }) as { id: string; value: string; computed_at: number; definition: string }[];
  return rows.map((r) => {
    const def = JSON.parse(r.definition) as TagDefinition;
    return { id: r.id, name: def.name, kind: def.rule.kind, value: r.value, computedAt: new Date(r.computed_at).toISOString() };
  });
}

/** Persons per value of a tag. */
export function tagDistribution(db: Database.Database, site: string, tagId: string): { value: string; persons: number; computedAt: string }[] {
  return (q(db, 'tag-distribution').all({ site, tag_id: tagId }) as { value: string; persons: number; computedAt: number }[])
    .map((r) => ({ ...r, computedAt: new Date(r.computedAt).toISOString() }));
}

function fromRow(row: TagRow): StoredTag {
  // Parsed again so a row edited by hand cannot feed an invalid rule into a query.
  const def = TagDefinition.parse(JSON.parse(row.definition));
  return { id: row.id, version: row.version, ...def, createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString() };
}
