/**
 * Recomputes an audience's membership: persons the expression selects now join (a new spell,
 * with their holdout assignment), members it no longer selects leave (the spell is closed), and
 * the size is recorded. Tags the expression reads are refreshed first.
 */
import { audienceSql, type StoredAudience } from '../storage/sqlite/analytics/audiences/audience-store.js';
import type { AudienceData } from './audience-engine.js';
import { tagsOf } from './audience-expression.js';
import { inHoldout } from './holdout.js';

/** What a refresh changed. */
export interface AudienceRefresh {
  id: string;
  members: number;
  holdout: number;
  joined: number;
  left: number;
  computedAt: string;
}

/** Options of a refresh. */
export interface RefreshAudienceOptions {
  now?: number;
  /** Refresh the tags the expression reads first (default true; the scheduler has just done it). */
  refreshTags?: boolean;
  timeZone?: string;
}

/** Refreshes one audience and returns what changed (the selection on the engine, spells in `meta`). */
export async function refreshAudience(data: AudienceData, site: string, audience: StoredAudience, o: RefreshAudienceOptions = {}): Promise<AudienceRefresh> {
  const now = o.now ?? Date.now();
  const def = audience.definition;
  const tags = tagsOf(def.expression);
  if (o.refreshTags !== false && tags.length > 0) await data.engine.refreshTags(site, { now, tagIds: tags, timeZone: o.timeZone });
  const selected = new Set(await data.engine.selectAudience(site, def.expression, now));
  const db = data.meta;
  return db.transaction(() => {
    const key = { site, audience_id: audience.id };
    const open = audienceSql(db, 'select-open-members').all(key) as { personId: string; holdout: number }[];
    const current = new Set(open.map((m) => m.personId));
    let joined = 0;
    let left = 0;
    for (const person of selected) {
      if (current.has(person)) continue;
      const holdout = def.holdout ? inHoldout(person, def.holdout.seed, def.holdout.share) : false;
      audienceSql(db, 'insert-member').run({ ...key, person_id: person, now, holdout: holdout ? 1 : 0 });
      joined += 1;
    }
    for (const person of current) {
      if (selected.has(person)) continue;
      audienceSql(db, 'close-member').run({ ...key, person_id: person, now });
      left += 1;
    }
    const holdout = (audienceSql(db, 'select-open-members').all(key) as { holdout: number }[]).filter((m) => m.holdout === 1).length;
    audienceSql(db, 'insert-audience-size').run({ ...key, now, members: selected.size, holdout, joined, left });
    return { id: audience.id, members: selected.size, holdout, joined, left, computedAt: new Date(now).toISOString() };
  })();
}
