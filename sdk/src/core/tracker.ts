import type { Identities, Properties, WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import type { KV, PlatformAdapter } from './platform.js';
import { settle, type Options } from './options.js';
import { FIRST_KEY, LAST_KEY, recordTouch } from './campaign.js';
import { SESSION_KEY, touchSession } from './session.js';
import { enqueue, queued, QUEUE_KEY } from './queue.js';
import { load } from './json.js';
import { newId } from './id.js';
import { createSender, type Stats } from '../transport/sender.js';
import { byteLength, MAX_REQUEST_BYTES } from '../transport/batch.js';
import { memoryStore } from '../storage/memory-store.js';
import { VERSION } from '../version.js';

/** Storage keys: anonymous id, user id, opt-out flag, consent ('1' granted, '0' refused). */
export const ANON_KEY = 'md_a';
export const USER_KEY = 'md_u';
export const OPT_OUT_KEY = 'md_o';
export const CONSENT_KEY = 'md_c';

/** A conversion: goal, value and currency (ISO 4217), an optional order id, and any other properties. */
export type ConversionInput = { goal: string; value: number; currency: string; order_id?: string } & Properties;

/** What `debug()` shows. */
export type DebugState = Stats & { queued: number; anonymousId?: string | null };

/** The tracking API, the same for the npm build, the script tag and mini-programs. */
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

/** Creates a tracker on a platform. It sends nothing to anyone but `options.endpoint`. */
export function createTracker(p: PlatformAdapter, options: Options): Tracker {
  const o = settle(options);
  const real = p.store;
  const realIds = p.ids || real;
  // Until consent, state lives in this map instead of storage: no cookie, no stored event.
  let held = o.requireConsent && real.get(CONSENT_KEY) == null && ({} as Record<string, string>);
  let store: KV = held ? memoryStore(held) : real;
  let ids = held ? store : realIds;
  const stats: Stats = { rejected: 0, dropped: 0 };
  const blocked = () => !!((o.respectDnt && p.dnt?.()) || real.get(OPT_OUT_KEY) || real.get(CONSENT_KEY) == '0');
  const sender = createSender(p, o, stats, () => !held && !blocked());
  const anonymousId = () => ids.get(ANON_KEY) || (ids.set(ANON_KEY, newId()), ids.get(ANON_KEY)!);
  /** Back to real storage: after consent, or after a refusal or opt-out wiped everything. */
  const unhold = () => ((held = false), (ids = realIds), (store = real));

  function record(event: string, fields: object): void {
    if (blocked()) return;
    const ts = Date.now();
    const session = touchSession(store, ts, o.sessionTimeout);
    const built = {
      id: newId(),
      ts,
      anonymousId: anonymousId(),
      userId: store.get(USER_KEY) || undefined,
      sessionId: session.id,
      sessionStart: session.start || undefined,
      event,
      ...fields,
      context: {
        ...p.context(),
        platform: p.platform,
        library: { name: 'maidian', version: VERSION },
        campaign: load(store, LAST_KEY),
        first: load(store, FIRST_KEY),
      },
    } as WireEvent;
    const e = o.beforeSend ? o.beforeSend(built) : built;
    // An event that could never fit in a request would block the queue forever. (A dropped or
    // refused event only schedules a flush that finds nothing new.)
    if (e && byteLength(JSON.stringify(e)) > MAX_REQUEST_BYTES - 512) stats.dropped++;
    else if (e && enqueue(store, e, o.maxQueue, stats) >= o.batchSize) sender.flush();
    else sender.soon(o.flushInterval);
  }

  function wipe(): void {
    unhold();
    for (const k of [QUEUE_KEY, USER_KEY, SESSION_KEY, FIRST_KEY, LAST_KEY]) real.set(k, null);
    realIds.set(ANON_KEY, null);
  }

  if (!blocked()) {
    recordTouch(store, p.landing(), Date.now());
    ids.set(ANON_KEY, anonymousId()); // rewriting renews the cookie's lifetime
  }
  p.listen?.({ hide: sender.beacon, online: sender.flush, show: (l) => blocked() || recordTouch(store, l, Date.now()) });
  sender.flush(); // what earlier pages left behind

  return {
    track: (name, props) => record(name, { props }),
    page: (props) => record('page_view', { props }),
    conversion: (props) => record('conversion', { props }),
    identify(userId, identities, traits) {
      if (!blocked()) store.set(USER_KEY, userId);
      record('identify', { userId, identities, traits });
    },
    reset() {
      ids.set(ANON_KEY, newId());
      store.set(USER_KEY, null);
      store.set(SESSION_KEY, null);
    },
    consent(granted) {
      real.set(CONSENT_KEY, granted ? '1' : '0');
      if (!granted) return wipe();
      if (held) {
        const h = held;
        const pending = queued(store);
        unhold();
        // The held events join whatever another tab stored meanwhile; the rest is copied over.
        for (const k in h) k == QUEUE_KEY || (k == ANON_KEY ? realIds : real).set(k, h[k]);
        for (const e of pending) enqueue(real, e, o.maxQueue, stats);
      }
      sender.flush();
    },
    optOut() {
      real.set(OPT_OUT_KEY, '1');
      wipe();
    },
    optIn: () => real.set(OPT_OUT_KEY, null),
    flush: sender.flush,
    debug: () => ({ ...stats, queued: queued(store).length, anonymousId: ids.get(ANON_KEY) }),
  };
}
