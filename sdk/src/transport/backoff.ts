/** First retry delay (ms) and the cap of the exponential backoff. */
export const BACKOFF_BASE = 1000;
export const BACKOFF_CAP = 60000;

/**
 * Delay before retry number `attempt` (0-based): `min(cap, base·2^attempt)` scaled by a random
 * factor in [0.5, 1), so tabs and devices that failed together do not retry together.
 */
export function backoff(attempt: number, random = Math.random()): number {
  return Math.min(BACKOFF_CAP, BACKOFF_BASE * 2 ** attempt) * (0.5 + random / 2);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta seconds or an HTTP date. Absent or
 * unreadable gives 0 and a date in the past a negative number: no wait beyond the backoff.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  const seconds = +header!; // null and '' read as 0 s; undefined and a date as NaN
  return seconds >= 0 ? seconds * 1000 : Date.parse(header!) - now || 0;
}
