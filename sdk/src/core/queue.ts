import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import type { KV } from './platform.js';
import { load, save } from './json.js';

/** Storage key of the queue shared by every tab of the site. */
export const QUEUE_KEY = 'md_q';

/** Every stored event, oldest first. */
export const queued = (store: KV): WireEvent[] => load(store, QUEUE_KEY) || [];

/** Appends an event; past `max`, the oldest are dropped and counted in `stats`. Returns the new length. */
export function enqueue(store: KV, event: WireEvent, max: number, stats: { dropped: number }): number {
  const events = [...queued(store), event];
  const kept = events.slice(-max);
  stats.dropped += events.length - kept.length;
  save(store, QUEUE_KEY, kept);
  return kept.length;
}

/** Removes the given events (by id), keeping anything other tabs added meanwhile. */
export function dequeue(store: KV, sent: WireEvent[]): void {
  const ids = sent.map((e) => e.id);
  save(store, QUEUE_KEY, queued(store).filter((e) => !ids.includes(e.id)));
}
