import type { Identities, Properties, WireEvent } from '../../../collector/src/dictionary/events.js';
import type { KV, PlatformAdapter } from './platform.js';
import { settle, type Options } from './options.js';
import { FIRST_KEY, LAST_KEY, recordTouch, touches } from './campaign.js';
import { SESSION_KEY, touchSession } from './session.js';
import { createQueue, QUEUE_KEY } from './queue.js';
import { newId } from './id.js';
import { createSender, type Stats } from '../transport/sender.js';
import { byteLength, MAX_REQUEST_BYTES } from '../transport/batch.js';
import { VERSION } from '../version.js';

/** Storage keys: anonymous id, user id, opt-out flag, consent ('1' granted, '0' refused). */
export const ANON_KEY = 'md_a';
export const USER_KEY = 'md_u';
export const OPT_OUT_KEY = 'md_o';
export const CONSENT_KEY = 'md_c';

/** A conversion: goal, value and currency, an optional order id, and any other properties. */
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
  // Until consent, every write goes to this map instead of storage: no cookie, no stored event.
  let held: Record<string, string | null> | 0 = o.requireConsent && real.get(CONSENT_KEY) == null ? {} : 0;
  const hold = (kv: KV): KV => ({
    get: (k) => (held && k in held ? held[k] : kv.get(k)),
    set: (k, v) => (held ? (held[k] = v) : kv.set(k, v)),
  });
  const store = hold(real);
  const ids = hold(realIds);
  const stats: Stats = { rejected: 0, dropped: 0 };
  let reported = 0; // drops already reported on a page view
  const queue = createQueue(store, o.maxQueue, stats);
  const blocked = () => !!((o.respectDnt && p.dnt?.()) || real.get(OPT_OUT_KEY) || real.get(CONSENT_KEY) == '0');
  const ready = () => !held && !blocked();
  const sender = createSender({ p, queue, stats, site: o.site, key: o.key, url: o.endpoint + '/v1/batch', idle: o.flushInterval, ready });
  const anonymousId = () => ids.get(ANON_KEY) || (ids.set(ANON_KEY, newId()), ids.get(ANON_KEY)!);

  function record(event: string, fields: object): void {
    if (blocked()) return;
    const now = Date.now();
    const session = touchSession(store, now, o.sessionTimeout);
    const built = {
      id: newId(),
      ts: now,
      anonymousId: anonymousId(),
      userId: store.get(USER_KEY) || undefined,
      sessionId: session.id,
      sessionStart: session.start || undefined,
      event,
      ...fields,
      context: { ...p.context(), platform: p.platform, library: { name: 'maidian', version: VERSION }, ...touches(store) },
    } as WireEvent;
    const e = o.beforeSend ? o.beforeSend(built) : built;
    if (!e) return;
    // An event that could never fit in a request would block the queue forever.
    if (byteLength(JSON.stringify(e)) > MAX_REQUEST_BYTES - 512) return queue.drop(1);
    if (queue.add(e) >= o.batchSize) sender.flush();
    else sender.soon(o.flushInterval);
  }

  function wipe(): void {
    held = 0;
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
    page(props) {
      const dropped = stats.dropped - reported;
      reported = stats.dropped;
      record('page_view', { props: dropped ? { ...props, _dropped: dropped } : props });
    },
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
        const pending = queue.all();
        held = 0;
        for (const k in h) if (k != QUEUE_KEY) (k == ANON_KEY ? realIds : real).set(k, h[k]);
        pending.forEach((e) => queue.add(e));
      }
      sender.flush();
    },
    optOut() {
      real.set(OPT_OUT_KEY, '1');
      wipe();
    },
    optIn: () => real.set(OPT_OUT_KEY, null),
    flush: sender.flush,
    debug: () => ({
      ...stats,
      queued: queue.all().length,
      anonymousId: ids.get(ANON_KEY),
    }),
  };
}
