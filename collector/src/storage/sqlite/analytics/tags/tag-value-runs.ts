/**
 * Which run of each tag's values is current on the ClickHouse engine (see migration 080). Run
 * numbers only grow, so rows of an earlier or a failed run are never mistaken for current ones.
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { fileStatement } from '../funnels/cached-statement.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const q = (db: Database.Database, name: string) => fileStatement(db, DIR, name);

/** The current run of each tag of the site that has one. */
export function tagValueRuns(db: Database.Database, site: string): { tagId: string; run: number; version: number; computedAt: number }[] {
  return q(db, 'select-tag-value-runs').all({ site }) as { tagId: string; run: number; version: number; computedAt: number }[];
}

/** A run number for the next refresh of a tag: now in ms, or one past the current run. */
export function nextTagValueRun(db: Database.Database, site: string, tagId: string, now: number): number {
  const current = tagValueRuns(db, site).find((r) => r.tagId === tagId)?.run ?? 0;
  return Math.max(now, current + 1);
}

/** Makes `run` the tag's current run. */
export function setTagValueRun(db: Database.Database, site: string, tagId: string, run: number, version: number, now: number): void {
  q(db, 'upsert-tag-value-run').run({ site, tag_id: tagId, run, version, now });
}

/** Forgets the tag's current run (the tag was deleted). */
export function deleteTagValueRun(db: Database.Database, site: string, tagId: string): void {
  q(db, 'delete-tag-value-run').run({ site, tag_id: tagId });
}
