import type { KV } from './platform.js';
import { load, save } from './json.js';

/** Storage key of the sending lease: `{ o: owner tab id, e: expiry (epoch ms) }`. */
export const LEASE_KEY = 'md_k';
/** How long a lease lasts unless renewed; a crashed tab's lease lapses after this. */
export const LEASE_MS = 10000;

/**
 * Takes (or renews) the right to send the shared queue. Only one tab holds it at a time, so two
 * tabs never send the same stored event; a lease that was not renewed expires, so a tab that
 * died mid-send cannot block the others for long. Returns false while another tab holds it.
 */
export function claim(store: KV, owner: string, now: number): boolean {
  const lease = load<{ o: string; e: number }>(store, LEASE_KEY);
  if (lease && lease.o != owner && lease.e > now) return false;
  save(store, LEASE_KEY, { o: owner, e: now + LEASE_MS });
  // Read back: when two tabs wrote at once, the last write wins and the other backs off.
  return load<{ o: string }>(store, LEASE_KEY)?.o == owner;
}

/** Gives the lease up, if this owner holds it. */
export function release(store: KV, owner: string): void {
  if (load<{ o: string }>(store, LEASE_KEY)?.o == owner) store.set(LEASE_KEY, null);
}
