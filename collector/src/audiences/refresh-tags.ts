/**
 * Refreshes tag values. What is incremental: attribute tags, preference tags over all history
 * and lifetime revenue bands are recomputed only for persons with events stored since the tag's
 * last run (its watermark), plus removal of persons that no longer exist. Everything relative to
 * time or to other persons (behaviour in the last D days, lifecycle, AIPL, RFM) is recomputed in
 * full on every run. A new tag version, or `full`, recomputes everything.
 */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { refreshDerived } from '../analytics/sessions/refresh-derived.js';
import { fileStatement } from '../storage/sqlite/analytics/funnels/cached-statement.js';
import { computeTag, isIncremental } from '../storage/sqlite/analytics/tags/compute-tag.js';
import { listTags, type StoredTag } from '../storage/sqlite/analytics/tags/tag-store.js';

const DIR = fileURLToPath(new URL('../storage/sqlite/analytics/tags/', import.meta.url));

/** Options of a refresh. */
export interface RefreshTagsOptions {
  /** Reference time of "the last D days", epoch ms (default now). */
  now?: number;
  /** Recompute every person of every tag. */
  full?: boolean;
  /** Only these tags (default all of the site). */
  tagIds?: readonly string[];
  /** Time zone of calendar months (AIPL loyalty). */
  timeZone?: string;
}

/** What one tag's refresh did. */
export interface TagRefresh {
  id: string;
  version: number;
  mode: 'full' | 'incremental';
  /** Values written. */
  values: number;
  ms: number;
}

/** Refreshes the site's tags; each tag in its own transaction. */
export function refreshTags(db: Database.Database, site: string, o: RefreshTagsOptions = {}): TagRefresh[] {
  const now = o.now ?? Date.now();
  // The watermark is read before the derived rows are refreshed: every event up to it then has
  // its person, and anything stored later is seen by the next run.
  const watermark = (fileStatement(db, DIR, 'max-event-seq').get() as { seq: number }).seq;
  refreshDerived(db, site);
  const tags = listTags(db, site).filter((t) => !o.tagIds || o.tagIds.includes(t.id));
  return tags.map((tag) => db.transaction(() => refreshOne(db, site, tag, now, watermark, o))());
}

function refreshOne(db: Database.Database, site: string, tag: StoredTag, now: number, watermark: number, o: RefreshTagsOptions): TagRefresh {
  const started = performance.now();
  const run = fileStatement(db, DIR, 'select-tag-run').get({ site, tag_id: tag.id }) as { version: number; lastSeq: number } | undefined;
  const incremental = !o.full && isIncremental(tag.rule) && run !== undefined && run.version === tag.version;
  const mode = incremental ? 'incremental' : 'full';
  const values = computeTag(db, { site, tagId: tag.id, rule: tag.rule, now, sinceSeq: incremental ? run!.lastSeq : null, timeZone: o.timeZone ?? 'UTC' });
  fileStatement(db, DIR, 'upsert-tag-run').run({ site, tag_id: tag.id, version: tag.version, last_seq: watermark, now, mode });
  return { id: tag.id, version: tag.version, mode, values, ms: performance.now() - started };
}
