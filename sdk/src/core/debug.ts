import type { PlatformAdapter } from './platform.js';
import type { Stats } from '../transport/sender.js';
import type { DebugState, Tracker, TrackerCore } from './tracker.js';
import { ANON_KEY } from './tracker.js';
import { queued } from './queue.js';

/**
 * Adds `debug()` to a tracker: the counters in `stats` (the object the tracker was created
 * with), the number of events in storage, and the stored anonymous id. Events held in memory
 * before consent are not in storage yet, so they are not counted. The script tag leaves this out
 * to stay small; its tests read localStorage (`md_q`) instead.
 */
export function withDebug(t: TrackerCore, p: PlatformAdapter, stats: Stats): Tracker {
  const debug = (): DebugState => ({ ...stats, queued: queued(p.kv).length, anonymousId: p.ids.get(ANON_KEY) });
  return { ...t, debug };
}
