/**
 * The per-event part of ingest: validate each event against the wire format and the site
 * dictionary, enrich the valid ones, quarantine the others, and store both in one transaction.
 * One bad event never rejects the batch.
 */
import type { ClientDropRow, Store, EventRow, QuarantineRow } from '../storage/store.js';
import type { Reason } from '../dictionary/reason.js';
import { validateEvent } from '../dictionary/validate-event.js';
import { enrichEvent, type IngestContext } from './enrich/enrich-event.js';
import { maskRawIdentities } from './enrich/identities.js';

/** The answer for one event. */
export interface EventResult {
  index: number;
  id: string | null;
  status: 'accepted' | 'duplicate' | 'quarantined';
  /** Why the event was quarantined. */
  reasons?: Reason[];
  /** Warnings stored with an accepted event (warn-mode dictionary findings, time corrections). */
  flags?: Reason[];
}

/** The answer for a batch. */
export interface IngestResponse {
  accepted: number;
  duplicate: number;
  quarantined: number;
  results: EventResult[];
}

/**
 * Ingests raw events found at `<base>/<index>` (or at `base` itself for a single event) in the
 * request body, and resolves after the store committed.
 */
export async function ingestEvents(store: Store, raws: unknown[], ctx: IngestContext, base: string, single = false): Promise<IngestResponse> {
  const rows: EventRow[] = [];
  const quarantine: QuarantineRow[] = [];
  const results: EventResult[] = raws.map((raw, index) => {
    const at = single ? base : `${base}/${index}`;
    const id = readString(raw, 'id');
    const v = validateEvent(raw, ctx.site.dictionary, at);
    if (!v.valid) {
      quarantine.push(quarantineRowFor(raw, v.reasons, ctx));
      return { index, id, status: 'quarantined', reasons: v.reasons };
    }
    const row = enrichEvent(v.event, v.flags, ctx, at);
    rows.push(row);
    const flags = row.flags ? (JSON.parse(row.flags) as Reason[]) : undefined;
    return { index, id, status: 'accepted', ...(flags ? { flags } : {}) };
  });
  const outcomes = await store.ingest(rows, quarantine, clientDropFor(raws, ctx));
  let next = 0;
  for (const r of results) if (r.status === 'accepted') r.status = outcomes[next++];
  return {
    accepted: count(results, 'accepted'),
    duplicate: count(results, 'duplicate'),
    quarantined: count(results, 'quarantined'),
    results,
  };
}

/** A quarantine row for one invalid event, personal identifiers hashed. */
export function quarantineRowFor(raw: unknown, reasons: Reason[], ctx: IngestContext): QuarantineRow {
  return {
    site: ctx.site.config.id,
    event_id: readString(raw, 'id'),
    event: readString(raw, 'event'),
    received_at: ctx.receivedAt,
    sent_at: ctx.sentAt,
    payload: JSON.stringify(maskRawIdentities(raw, ctx.site.config.salt)) ?? 'null',
    reasons,
    dictionary_version: ctx.site.dictionary.version,
    request: ctx.request,
    scope: 'event',
  };
}

/** The batch's report of events its SDK dropped, stored with the batch so it is never lost. */
function clientDropFor(raws: unknown[], ctx: IngestContext): ClientDropRow | undefined {
  if (!ctx.dropped) return undefined;
  return { site: ctx.site.config.id, received_at: ctx.receivedAt, anonymous_id: readString(raws[0], 'anonymousId'), dropped: ctx.dropped };
}

/** A short string field of a raw object, or null (ids and names are kept for lookup only). */
function readString(raw: unknown, key: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const v = (raw as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.slice(0, 128) : null;
}

function count(results: EventResult[], status: EventResult['status']): number {
  return results.filter((r) => r.status === status).length;
}
