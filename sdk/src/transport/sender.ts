import type { WireEvent } from '../../../collector/src/dictionary/events.js';
import type { PlatformAdapter } from '../core/platform.js';
import type { Queue } from '../core/queue.js';
import { claim, release } from '../core/lease.js';
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

/** What the sender works with. */
export interface SenderConfig {
  p: PlatformAdapter;
  queue: Queue;
  stats: Stats;
  site: string;
  key?: string;
  /** `${endpoint}/v1/batch` */
  url: string;
  /** Wait (ms) before trying again while another tab holds the lease. */
  idle: number;
  /** False while sending is not allowed (no consent yet, opted out, Do-Not-Track). */
  ready(): boolean;
}

/** Sends the shared queue: `flush` by request with retries, `beacon` on page hide. */
export interface Sender {
  flush(): Promise<void>;
  /** Flushes after `ms`, unless a flush or retry is already scheduled. */
  soon(ms: number): void;
  beacon(): void;
}

/**
 * The delivery loop. Events stay in storage until the collector answered 200 (accepted,
 * duplicate and quarantined all count as delivered) or refused the envelope (400: dropped and
 * counted). Network errors, 408, 429 and 5xx are retried with jittered backoff, at least as late
 * as `Retry-After` asks. One tab at a time sends, under a lease.
 */
export function createSender({ p, queue, stats, site, key, url, idle, ready }: SenderConfig): Sender {
  const owner = newId(8);
  let busy: Promise<void> | 0 = 0;
  let attempt = 0;
  let notBefore = 0; // no request before this time (epoch ms): backoff and Retry-After
  let timer: ReturnType<typeof setTimeout> | undefined;

  const body = (batch: WireEvent[]) => JSON.stringify({ site, key, sentAt: Date.now(), batch });
  const head = (events: WireEvent[]) => events.slice(0, fitCount(events, byteLength(body([])) + 3));
  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  const retry = (ms: number) => later((notBefore = Date.now() + ms) - Date.now());

  async function run(): Promise<void> {
    if (!ready() || p.offline?.()) return; // the platform's online hook flushes
    if (Date.now() < notBefore) return later(notBefore - Date.now());
    if (!claim(p.store, owner, Date.now())) return later(idle); // another tab is sending
    try {
      for (let batch; (batch = head(queue.all())).length; claim(p.store, owner, Date.now())) {
        const reply = await p.request(url, body(batch)).catch(() => 0 as const);
        const status = reply ? reply.status : 0;
        if (!status || status == 408 || status == 429 || status >= 500) {
          const wait = reply ? retryAfterMs(reply.retryAfter, Date.now()) : 0;
          return retry(Math.max(wait || 0, backoff(attempt++)));
        }
        if (status >= 300) stats.rejected += batch.length;
        queue.remove(batch);
        attempt = 0;
      }
    } finally {
      release(p.store, owner);
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // A flush asked for while one runs goes after it, so events added meanwhile are included.
    return busy ? busy.then(flush) : (busy = run().finally(() => (busy = 0)));
  }

  /**
   * Beacons the head of the queue (a beacon, like a keepalive request, may carry 64 KB). The
   * events stay stored until a request confirms them: if the page lives on, or on the next page,
   * they go again and the collector keeps each id once.
   */
  function beacon(): void {
    const batch = ready() ? head(queue.all()) : [];
    if (batch.length && !p.beacon?.(url, body(batch))) flush();
  }

  return { flush, beacon, soon: (ms) => timer || later(ms) };
}
