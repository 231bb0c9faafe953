import { BROWSER_ONLY } from '../core/build.js';

/** Largest request the SDK sends (bytes), as LIMITS.sdkRequestBytes in the dictionary. */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** Most events in one request, as LIMITS.batchEvents. */
export const MAX_BATCH_EVENTS = 500;

/**
 * UTF-8 size of a string: a Blob's size in browsers; elsewhere (mini-programs have no Blob) each
 * %XX escape of its URI encoding is one byte.
 */
export const byteLength = (s: string) => (BROWSER_ONLY ? new Blob([s]).size : unescape(encodeURIComponent(s)).length);

/**
 * The events from the head of `events` that go in the next request: at most MAX_BATCH_EVENTS,
 * halved until `body(batch)` is under MAX_REQUEST_BYTES. Halving measures a few whole bodies
 * instead of every event, in less code; a batch may come out smaller than the most that would
 * fit, never larger. At least one event is taken so the queue always moves; the tracker drops
 * single events too large to ever fit.
 */
export function fitBatch<T>(events: T[], body: (batch: T[]) => string): T[] {
  let batch = events.slice(0, MAX_BATCH_EVENTS);
  while (batch[1] && byteLength(body(batch)) >= MAX_REQUEST_BYTES) batch = batch.slice(0, batch.length / 2);
  return batch;
}
