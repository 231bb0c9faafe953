/** Polling the live event count (`GET /v1/stats/live`) until the page goes away. */
import { apiGet, isAbort } from './api.js';

/** The live count answer. */
export interface LiveCount {
  site: string;
  since: string;
  seconds: number;
  events: number;
  bots: number;
  lastReceivedAt: number | null;
}

/** How often the count is refreshed. */
export const LIVE_INTERVAL_MS = 5000;

/**
 * Calls `show` with the count now and every few seconds until `signal` aborts; `fail` gets
 * errors (polling goes on, so a collector restart heals by itself).
 */
export function pollLive(site: string, signal: AbortSignal, show: (c: LiveCount) => void, fail: (err: unknown) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      show(await apiGet<LiveCount>('/v1/stats/live', { site }, { signal }));
    } catch (err) {
      if (signal.aborted || isAbort(err)) return;
      fail(err);
    }
    if (!signal.aborted) timer = setTimeout(() => void tick(), LIVE_INTERVAL_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  void tick();
}
