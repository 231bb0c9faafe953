/**
 * Re-validates a site's open quarantined events against its current dictionary (re-read from
 * disk first, so a fixed file takes effect) and moves those now valid into `events`.
 */
import type { Logger } from 'pino';
import type { SiteRegistry } from '../config/site-registry.js';
import type { QuarantineRecord, ReplayMove, Store } from '../storage/store.js';
import { validateEvent } from '../dictionary/validate-event.js';
import { enrichEvent } from './enrich/enrich-event.js';
import { HASH_PREFIX, HASHED_IDENTITIES } from './enrich/identities.js';

/** Counts of one replay. */
export interface ReplayReport {
  site: string;
  dictionaryVersion: number;
  /** Open event rows looked at. */
  checked: number;
  /** Moved into events. */
  replayed: number;
  /** Valid now, but the event id was already stored: the row is closed without a new event. */
  duplicate: number;
  /** Still failing; they stay open. */
  stillInvalid: number;
}

/** How many open rows one replay looks at; call again for more. */
export const REPLAY_BATCH = 10_000;

/** Replays the open quarantine of a site. Throws a DictionaryError when the dictionary is broken. */
export async function replayQuarantine(store: Store, sites: SiteRegistry, siteId: string, logger: Logger, now = Date.now()): Promise<ReplayReport> {
  const site = sites.reloadDictionary(siteId);
  const open = await store.listQuarantine({ site: siteId, status: 'open', limit: REPLAY_BATCH });
  const candidates = open.filter((r) => r.scope === 'event');
  const moves: ReplayMove[] = [];
  for (const record of candidates) {
    const raw = parsePayload(record);
    const v = validateEvent(placeholderHashes(raw), site.dictionary, '');
    if (!v.valid) continue;
    // Validate with placeholders, store with the hashes that were kept (never the clear values).
    const event = raw && typeof raw === 'object' && 'identities' in raw ? { ...v.event, identities: (raw as { identities: unknown }).identities } : v.event;
    const ctx = { site, receivedAt: record.received_at, sentAt: record.sent_at, request: record.request ?? { userAgent: null, ip: null }, logger };
    moves.push({ qid: record.qid, row: enrichEvent(event as typeof v.event, v.flags, ctx, '') });
  }
  const outcomes = await store.replay(moves, now);
  const replayed = outcomes.filter((o) => o === 'accepted').length;
  return {
    site: siteId,
    dictionaryVersion: site.dictionary.version,
    checked: candidates.length,
    replayed,
    duplicate: outcomes.length - replayed,
    stillInvalid: candidates.length - moves.length,
  };
}

function parsePayload(record: QuarantineRecord): unknown {
  try {
    return JSON.parse(record.payload);
  } catch {
    return undefined;
  }
}

/**
 * Hashed identities are longer than the clear values the schema bounds, so they are swapped for
 * a short placeholder while validating.
 */
function placeholderHashes(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !('identities' in raw)) return raw;
  const ids = (raw as { identities: unknown }).identities;
  if (!ids || typeof ids !== 'object') return raw;
  const copy: Record<string, unknown> = { ...ids };
  for (const type of HASHED_IDENTITIES) {
    if (typeof copy[type] === 'string' && (copy[type] as string).startsWith(HASH_PREFIX)) copy[type] = 'hashed';
  }
  return { ...raw, identities: copy };
}
