import type { WireEvent } from '../../../collector/src/dictionary/events.js';

/** Largest request the SDK sends (bytes), as LIMITS.sdkRequestBytes in the dictionary. */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** Most events in one request, as LIMITS.batchEvents. */
export const MAX_BATCH_EVENTS = 500;

/** UTF-8 size of a string (each %XX escape is one byte). */
export const byteLength = (s: string) => encodeURIComponent(s).replace(/%../g, '.').length;

/**
 * How many events from the head of `events` fit in one request whose envelope (without events)
 * takes `envelopeBytes`: under MAX_REQUEST_BYTES and at most `maxEvents`. At least one event is
 * taken so the queue always moves; the tracker drops single events too large to ever fit.
 */
export function fitCount(events: WireEvent[], envelopeBytes: number, maxEvents = MAX_BATCH_EVENTS): number {
  let size = envelopeBytes;
  let n = 0;
  while (n < events.length && n < maxEvents) {
    size += byteLength(JSON.stringify(events[n])) + 1; // +1: the comma between events
    if (size >= MAX_REQUEST_BYTES && n) break;
    n++;
  }
  return n;
}
