import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import type { PlatformAdapter } from '../core/platform.js';
import type { Settings } from '../core/options.js';
import { dequeue, queued } from '../core/queue.js';
import { lease } from '../core/lease.js';
import { newId } from '../core/id.js';
import { byteLength, fitCount } from './batch.js';
import { backoff, retryAfterMs } from './backoff.js';

/** Counters a test or a debugging user can read. */
export interface Stats {
  /** Events the collector refused as a broken envelope (HTTP 400 and other non-retryable 4xx). */
  rejected: number;
  /** Events dropped because the queue was full or the event too large to send. */
  dropped: number;
}

/** Sends the shared queue: `flush` by request with retries, `beacon` on page hide. */
export interface Sender {
  flush(): Promise<void>;
  /** Flushes after `ms`, unless a flush or retry is already scheduled. */
  soon(ms: number): void;
  beacon(): void;
}

/**
 * The delivery loop over the queue in `p.store`. Events stay stored until the collector answered
 * 2xx (accepted, duplicate and quarantined all count as delivered) or refused the envelope
 * (other 4xx: dropped and counted as rejected). Network errors, 408, 429 and 5xx are retried
 * with jittered backoff, at least as late as `Retry-After` asks. One tab at a time sends, under a
 * lease. Each request reports in `dropped` the events dropped since the last 2xx one.
 * `ready()` is false while sending is not allowed (no consent yet, opted out, Do-Not-Track).
 */
export function createSender(p: PlatformAdapter, o: Settings, stats: Stats, ready: () => boolean): Sender {
  const { store } = p;
  const owner = newId(8);
  const url = o.endpoint + '/v1/batch';
  let busy: Promise<void> | 0 = 0;
  let attempt = 0;
  let notBefore = 0; // no request before this time (epoch ms): backoff and Retry-After
  let reported = 0; // stats.dropped as of the last 2xx
  let timer: ReturnType<typeof setTimeout> | 0 = 0;

  const body = (batch: WireEvent[], dropped?: number) => JSON.stringify({ site: o.site, key: o.key, sentAt: Date.now(), batch, dropped });
  // +24: room for `,"dropped":n` and a longer sentAt
  const head = (events = queued(store)) => events.slice(0, fitCount(events, byteLength(body([])) + 24));
  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };

  async function run(): Promise<void> {
    if (!ready() || p.offline?.()) return; // the platform's online hook flushes
    if (Date.now() < notBefore) return later(notBefore - Date.now());
    if (!lease(store, owner, Date.now())) return later(o.flushInterval); // another tab is sending
    try {
      for (let batch; (batch = head()).length; lease(store, owner, Date.now())) {
        const dropped = stats.dropped - reported;
        const reply = await p.request(url, body(batch, dropped || undefined)).catch(() => {});
        const status = reply?.status;
        if (!status || status == 408 || status == 429 || status > 499) {
          const wait = Math.max(retryAfterMs(reply?.headers.get('Retry-After'), Date.now()), backoff(attempt++));
          notBefore = Date.now() + wait;
          return later(wait);
        }
        if (status < 300) reported += dropped;
        else stats.rejected += batch.length;
        dequeue(store, batch);
        attempt = 0;
      }
    } finally {
      lease(store, owner, Date.now(), 0);
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = 0;
    // A flush asked for while one runs goes after it, so events added meanwhile are included.
    return busy ? busy.then(flush) : (busy = run().finally(() => (busy = 0)));
  }

  return {
    flush,
    soon: (ms) => timer || later(ms),
    /**
     * Beacons the head of the queue (a beacon, like a keepalive request, may carry 64 KB). The
     * events stay stored until a request confirms them: if the page lives on, or on the next
     * page, they go again and the collector keeps each id once. The drop count is not sent
     * here, as an unconfirmed count could be reported twice.
     */
    beacon() {
      const batch = ready() ? head() : [];
      if (batch.length && !p.beacon?.(url, body(batch))) flush();
    },
  };
}
