import type { KV } from './platform.js';
import { load, save } from './json.js';

/** Storage key of the sending lease: `{ o: owner tab id, e: expiry (epoch ms) }`. */
export const LEASE_KEY = 'md_k';
/** How long a lease lasts unless renewed; a crashed tab's lease lapses after this. */
export const LEASE_MS = 10000;

/**
 * Takes, renews or (with `ms` = 0) gives up the right to send the shared queue. Only one tab
 * holds it at a time, so two tabs never send the same stored event; a lease that was not renewed
 * expires, so a tab that died mid-send cannot block the others for long. Returns false, and
 * changes nothing, while another tab holds it.
 */
export function lease(store: KV, owner: string, now: number, ms = LEASE_MS): boolean {
  const held = load(store, LEASE_KEY);
  if (held && held.o != owner && held.e > now) return false;
  save(store, LEASE_KEY, { o: owner, e: now + ms });
  // Read back: when two tabs wrote at once, the last write wins and the other backs off.
  return load(store, LEASE_KEY).o == owner;
}
