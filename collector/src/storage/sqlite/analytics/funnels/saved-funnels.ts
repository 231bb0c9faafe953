import type Database from 'better-sqlite3';
import { nanoid } from 'nanoid';
import { fileURLToPath } from 'node:url';
import { fileStatement } from './cached-statement.js';
import { FunnelDefinition } from './funnel-definition.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** A saved funnel. */
export interface SavedFunnel {
  id: string;
  name: string;
  definition: FunnelDefinition;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

interface SavedRow {
  id: string;
  name: string;
  definition: string;
  created_at: number;
  updated_at: number;
}

/**
 * Saves a funnel definition under `id` (a new id when absent) and returns it. The definition
 * must already be validated; it is stored with its defaults applied, so a later change of a
 * default does not change what a saved funnel means.
 */
export function saveFunnel(db: Database.Database, site: string, input: { id?: string; name: string; definition: FunnelDefinition }, now = Date.now()): SavedFunnel {
  const id = input.id ?? nanoid(12);
  fileStatement(db, DIR, 'insert-saved-funnel').run({ site, id, name: input.name, definition: JSON.stringify(input.definition), now });
  return getSavedFunnel(db, site, id)!;
}

/** The saved funnels of a site, most recently changed first. */
export function listSavedFunnels(db: Database.Database, site: string): SavedFunnel[] {
  return (fileStatement(db, DIR, 'select-saved-funnels').all({ site }) as SavedRow[]).map(fromRow);
}

/** One saved funnel, or undefined. */
export function getSavedFunnel(db: Database.Database, site: string, id: string): SavedFunnel | undefined {
  const row = fileStatement(db, DIR, 'select-saved-funnel').get({ site, id }) as SavedRow | undefined;
  return row && fromRow(row);
}

/** Deletes a saved funnel; true when it existed. */
export function deleteSavedFunnel(db: Database.Database, site: string, id: string): boolean {
  return fileStatement(db, DIR, 'delete-saved-funnel').run({ site, id }).changes === 1;
}

function fromRow(row: SavedRow): SavedFunnel {
  return {
    id: row.id,
    name: row.name,
    // Parsed again so a row written by hand cannot smuggle an invalid definition into a query.
    definition: FunnelDefinition.parse(JSON.parse(row.definition)),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
