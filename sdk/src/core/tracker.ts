import type { Identities, Properties, WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import type { KV, PlatformAdapter } from './platform.js';
import type { Settings } from './options.js';
import { TOUCHES_KEY, recordTouch } from './campaign.js';
import { SESSION_KEY, touchSession } from './session.js';
import { queued, QUEUE_KEY } from './queue.js';
import { load, save } from './json.js';
import { newId } from './id.js';
import { createSender, type Stats } from '../transport/sender.js';
import { byteLength, MAX_REQUEST_BYTES } from '../transport/batch.js';
import { memoryStore } from '../storage/memory-store.js';
import { VERSION } from '../version.js';
import { BROWSER_ONLY, SCRIPT_TAG } from './build.js';

/**
 * Storage keys: anonymous id, user id, and the visitor's answer: '1' consent granted, '0'
 * refused or opted out (one key: `optOut()` is a refusal, `optIn()` forgets the answer).
 */
export const ANON_KEY = 'md_a';
export const USER_KEY = 'md_u';
export const CONSENT_KEY = 'md_c';

/** A conversion: goal, value and currency (ISO 4217), an optional order id, and any other properties. */
export type ConversionInput = { goal: string; value: number; currency: string; order_id?: string } & Properties;

/** What `debug()` shows: the counters, the events in storage and the stored anonymous id. */
export type DebugState = Stats & { queued: number; anonymousId?: string | null };

/** The tracking API of the npm and mini-program builds; the script tag has all but `debug`. */
export interface Tracker {
  /** Sends a custom event. */
  track(name: string, props?: Properties): void;
  /** Sends a page view (automatic on the web unless `autoPageviews: false`). */
  page(props?: Properties): void;
  /** Sends a conversion with its value; one `order_id` converts once. */
  conversion(conversion: ConversionInput): void;
  /** Links this visitor to a user id (kept for later events) and sends an `identify` event. */
  identify(userId: string, identities?: Identities, traits?: Properties): void;
  /** Logout: a new anonymous id and session, no user id. */
  reset(): void;
  /** Grants (sends held events) or refuses (discards them, sends nothing) consent; remembered. */
  consent(granted: boolean): void;
  /** Stops all tracking on this device until `optIn()`; clears stored ids and events. */
  optOut(): void;
  /** Undoes `optOut()`. */
  optIn(): void;
  /** Sends everything queued now; resolves when done or scheduled for retry. */
  flush(): Promise<void>;
  /** Counters and ids, for debugging and tests. */
  debug(): DebugState;
}

/** The calls of the script tag's tracker: every one but `debug`, which only the npm and mini-program builds have. */
export type TrackerCore = Omit<Tracker, 'debug'>;

/**
 * Creates a tracker on a platform, with settled options (`settle()` in options.ts). It sends
 * nothing to anyone but `o.endpoint`. `stats` is the object the tracker counts rejected and
 * dropped events in. The npm and mini-program builds get `debug()` too; the script tag, whose
 * dispatcher has no such call, leaves it out to stay small.
 */
export function createTracker(p: PlatformAdapter, o: Settings, stats = (SCRIPT_TAG ? { dropped: 0 } : { rejected: 0, dropped: 0 }) as Stats): Tracker {
  const real = p.kv;
  const realIds = p.ids;
  // Until consent, state lives in this map instead of storage: no cookie, no stored event.
  let held = o.requireConsent && real.get(CONSENT_KEY) == null && ({} as Record<string, string>);
  let store: KV = held ? memoryStore(held) : real;
  let ids = held ? store : realIds;
  const blocked = () => (o.respectDnt !== false && p.dnt()) || real.get(CONSENT_KEY) == '0';
  // Write-behind: events wait here and are stored once per task, in one read-modify-write of the
  // shared queue, so a burst of N events costs O(N) instead of N rewrites of the whole queue.
  // Events held until consent wait here too, and are stored (and capped) once it is given.
  let pending: WireEvent[] = [];
  /**
   * Every stored event, once the pending ones are stored (unless held) after whatever other tabs
   * stored meanwhile; past `maxQueue` the oldest are dropped and counted. Everything that reads
   * the queue (sending, the beacon on hide, `debug()`) reads it here.
   */
  const stored = () => {
    if (!pending[0] || held) return queued(real);
    const events = [...queued(real), ...pending.splice(0)];
    stats.dropped += events.splice(0, events.length - o.maxQueue).length; // the oldest, past the cap
    save(real, QUEUE_KEY, events);
    return events;
  };
  const sender = createSender(p, o, stats, () => !held && !blocked(), stored);
  const anonymousId = () => ids.get(ANON_KEY) || (ids.set(ANON_KEY, newId()), ids.get(ANON_KEY)!);
  /** Back to real storage: after consent, or after a refusal or opt-out wiped everything. */
  const unhold = () => ((held = false), (ids = realIds), (store = real));

  function record(event: string, props?: Properties, fields?: object): void {
    if (blocked()) return;
    const ts = Date.now();
    const built = {
      id: newId(),
      ts,
      anonymousId: anonymousId(),
      userId: store.get(USER_KEY), // undefined when none: stores read missing keys as undefined
      ...touchSession(store, ts, o.sessionTimeout),
      event,
      props,
      ...fields,
      context: {
        ...p.describe(),
        library: { name: 'maidian', version: VERSION },
        ...load(store, TOUCHES_KEY), // campaign (the last touch) and first
      },
    } as WireEvent;
    // The script tag cannot be given a function option: no beforeSend there.
    const e = SCRIPT_TAG || !o.beforeSend ? built : o.beforeSend(built)!;
    if (!SCRIPT_TAG && !e) return; // dropped by beforeSend
    // An event that could never fit in a request would block the queue forever.
    if (byteLength(JSON.stringify(e)) > MAX_REQUEST_BYTES - 512) stats.dropped++;
    // The first pending event schedules the write: a microtask runs before the page can be hidden
    // and before another task reads the queue. Then a full batch goes now, anything less within
    // the interval. Older mini-program runtimes lack queueMicrotask.
    else if (pending.push(e) < 2) (BROWSER_ONLY ? queueMicrotask : (f: () => void) => Promise.resolve().then(f))(() => (stored().length < o.batchSize ? sender.soon(o.flushInterval) : sender.deliver()));
  }

  if (!blocked()) {
    recordTouch(store, p.landing(), Date.now());
    ids.set(ANON_KEY, anonymousId()); // rewriting renews the cookie's lifetime
  }
  // A mini-program shown again with new launch options may land a new touch; browsers never call it.
  if (BROWSER_ONLY) p.listen(sender.beacon, sender.deliver);
  else p.listen(sender.beacon, sender.deliver, (l) => blocked() || recordTouch(store, l, Date.now()));
  sender.deliver(); // what earlier pages left behind

  const consent = (granted: boolean) => {
    real.set(CONSENT_KEY, granted ? '1' : '0');
    if (!granted) {
      // Refused: every id and event is wiped, the held ones with the map they live in.
      pending = [];
      for (const k of [QUEUE_KEY, USER_KEY, SESSION_KEY, TOUCHES_KEY]) real.set(k); // set(k) deletes
      realIds.set(ANON_KEY);
    } else if (held) {
      // The held state is copied over; the held events are stored by the flush below, joining
      // whatever another tab stored meanwhile.
      for (const k in held) (k == ANON_KEY ? realIds : real).set(k, held[k]);
    }
    unhold();
    sender.deliver(); // after a refusal it sends nothing: sending is blocked
  };

  const api: TrackerCore = {
    track: (name, props) => record(name, props),
    page: (props) => record('page_view', props),
    conversion: (props) => record('conversion', props),
    identify(userId, identities, traits) {
      if (!blocked()) store.set(USER_KEY, userId);
      record('identify', undefined, { userId, identities, traits });
    },
    reset() {
      ids.set(ANON_KEY, newId());
      store.set(USER_KEY); // deletes
      store.set(SESSION_KEY);
    },
    consent,
    optOut: () => consent(false),
    // Forgets the answer: tracking resumes, or with requireConsent waits for consent again on
    // the next page.
    optIn: () => real.set(CONSENT_KEY),
    flush: sender.deliver,
  };
  // Counters, the stored events and the stored anonymous id. This task's events are stored first
  // (which may drop some), then the counters read. Events held in memory before consent are not
  // in storage, so they are not counted.
  const debug = (): DebugState => {
    const length = stored().length;
    return { ...stats, queued: length, anonymousId: realIds.get(ANON_KEY) };
  };
  return (SCRIPT_TAG ? api : { ...api, debug }) as Tracker;
}
