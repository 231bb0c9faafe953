import type { WireEvent } from '../../../collector/src/dictionary/events.js';
import type { KV } from './platform.js';
import { load, save } from './json.js';

/** Storage key of the queue. */
export const QUEUE_KEY = 'md_q';

/** The persisted event queue shared by every tab of the site. */
export interface Queue {
  /** Every stored event, oldest first. */
  all(): WireEvent[];
  /** Appends an event; past `max`, the oldest are dropped and counted. Returns the new length. */
  add(event: WireEvent): number;
  /** Removes the given events (by id), keeping anything other tabs added meanwhile. */
  remove(events: WireEvent[]): void;
  /** Counts events that were dropped (in `stats.dropped`). */
  drop(count: number): void;
}

/** A queue stored under one key of `store`, capped at `max` events; drops are added to `stats`. */
export function createQueue(store: KV, max: number, stats: { dropped: number }): Queue {
  const all = () => load<WireEvent[]>(store, QUEUE_KEY) || [];
  const drop = (count: number) => {
    if (count > 0) stats.dropped += count;
  };
  return {
    all,
    drop,
    add(event) {
      const events = all();
      events.push(event);
      drop(events.length - max);
      save(store, QUEUE_KEY, events.slice(-max));
      return Math.min(events.length, max);
    },
    remove(sent) {
      const ids = sent.map((e) => e.id);
      save(store, QUEUE_KEY, all().filter((e) => !ids.includes(e.id)));
    },
  };
}
