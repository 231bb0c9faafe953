import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';
import type { PlatformAdapter } from '../core/platform.js';
import type { Settings } from '../core/options.js';
import { dequeue } from '../core/queue.js';
import { fitBatch } from './batch.js';
import { SCRIPT_TAG } from '../core/build.js';
import { backoff, retryAfterMs } from './backoff.js';

/** Counters a test or a debugging user can read. */
export interface Stats {
  /** Events the collector refused as a broken envelope (HTTP 400 and other non-retryable 4xx). */
  rejected: number;
  /** Events dropped because the queue was full or the event too large to send. */
  dropped: number;
}

/** Sends the shared queue: `deliver` by request with retries, `beacon` on page hide. */
export interface Sender {
  /** Sends the queue now; resolves when done or scheduled for retry. */
  deliver(): Promise<void>;
  /** Flushes after `ms`, unless a flush or retry is already scheduled. */
  soon(ms: number): void;
  beacon(): void;
}

/**
 * The delivery loop over the queue in `p.kv`. Events stay stored until the collector answered
 * 2xx (accepted, duplicate and quarantined all count as delivered) or refused the envelope
 * (other 4xx: dropped, and counted as rejected outside the script tag). Network errors, 408, 429 and 5xx are retried
 * with jittered backoff, at least as late as `Retry-After` asks. One tab at a time sends, under the
 * platform's lock. Each request reports in `dropped` the events dropped since the last 2xx one.
 * `ready()` is false while sending is not allowed (no consent yet, opted out, Do-Not-Track);
 * `stored()` reads the queue, once the tracker has stored the events it still holds in memory
 * (write-behind, core/tracker.ts).
 */
export function createSender(p: PlatformAdapter, o: Settings, stats: Stats, ready: () => boolean, stored: () => WireEvent[]): Sender {
  const store = p.kv;
  const url = o.endpoint + '/v1/batch';
  let attempt = 0;
  let notBefore = 0; // no request before this time (epoch ms): backoff and Retry-After
  let reported = 0; // stats.dropped as of the last 2xx
  let timer: ReturnType<typeof setTimeout> | 0 = 0;

  // A request carries the events dropped since the last 2xx; a beacon does not, as its answer is
  // never seen and an unconfirmed count could be reported twice.
  const body = (batch: WireEvent[], beacon?: 1) =>
    JSON.stringify({ site: o.site, key: o.key, sentAt: Date.now(), batch, dropped: beacon ? undefined : stats.dropped - reported || undefined });
  const head = () => fitBatch(stored(), body);
  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };

  // Under the lock, as another tab (or an earlier flush of this one) may just have sent the queue
  // or been told to wait: head() reads the queue afresh.
  const run = async () => {
    if (!ready() || p.offline()) return; // the platform's online hook flushes
    const wait = notBefore - Date.now();
    if (wait > 0) return later(wait);
    for (let batch; (batch = head())[0]; ) {
      const total = stats.dropped; // what body() reports
      const reply = await p.post(url, body(batch)).catch(() => {});
      const status = reply?.status;
      if (!status || status == 408 || status == 429 || status > 499) {
        const wait = Math.max(retryAfterMs(reply?.headers.get('Retry-After'), Date.now()), backoff(attempt++));
        notBefore = Date.now() + wait;
        return later(wait);
      }
      // Set, not added: two requests at once (no lock) that carried the same count confirm it once.
      if (status < 300) reported = total;
      else if (!SCRIPT_TAG) stats.rejected += batch.length; // only debug() shows it, and the script tag has none
      dequeue(store, batch);
      attempt = 0;
    }
  };

  // A flush asked for while one runs waits for the lock, so events added meanwhile are included.
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = 0;
    return p.withLock(run) as Promise<void>;
  }

  return {
    deliver: flush,
    soon: (ms) => timer || later(ms),
    /**
     * Beacons the head of the queue (a beacon, like a keepalive request, may carry 64 KB). The
     * events stay stored until a request confirms them: if the page lives on, or on the next
     * page, they go again and the collector keeps each id once.
     */
    beacon() {
      if (ready()) {
        const batch = head();
        if (batch[0] && !p.beacon(url, body(batch, 1))) flush();
      }
    },
  };
}
