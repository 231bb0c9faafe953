import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import type { KV } from './platform.js';
import { load, save } from './json.js';

/**
 * Storage key of the queue shared by every tab of the site. The tracker appends to it once per
 * task (write-behind, core/tracker.ts); the sender removes what the collector confirmed.
 */
export const QUEUE_KEY = 'md_q';

/** Every stored event, oldest first. */
export const queued = (store: KV): WireEvent[] => load(store, QUEUE_KEY) || [];

/** Removes the given events (by id), keeping anything other tabs added meanwhile. O(queue + sent). */
export function dequeue(store: KV, sent: WireEvent[]): void {
  const ids = new Set(sent.map((e) => e.id));
  save(store, QUEUE_KEY, queued(store).filter((e) => !ids.has(e.id)));
}
