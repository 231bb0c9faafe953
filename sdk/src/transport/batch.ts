import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';

/** Largest request the SDK sends (bytes), as LIMITS.sdkRequestBytes in the dictionary. */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** Most events in one request, as LIMITS.batchEvents. */
export const MAX_BATCH_EVENTS = 500;

/** UTF-8 size of a string (each %XX escape is one byte). */
export const byteLength = (s: string) => encodeURIComponent(s).replace(/%../g, '.').length;

/**
 * How many events from the head of `events` fit in one request whose envelope (without events)
 * takes `size` bytes: under MAX_REQUEST_BYTES and at most `max`. At least one event is taken so
 * the queue always moves; the tracker drops single events too large to ever fit.
 */
export function fitCount(events: WireEvent[], size: number, max = MAX_BATCH_EVENTS): number {
  let n = 0;
  // +1: the comma between events
  while (n < events.length && n < max && ((size += byteLength(JSON.stringify(events[n])) + 1) < MAX_REQUEST_BYTES || !n)) n++;
  return n;
}
