import type { KV } from './platform.js';
import { load, save } from './json.js';
import { newId } from './id.js';

/** Storage key of the client session: `{ i: id, t: last activity (epoch ms) }`. */
export const SESSION_KEY = 'md_s';

/**
 * The session an event at `now` belongs to. A session ends after `timeout` ms without events: an
 * event exactly `timeout` ms after the previous one starts a new session (`sessionStart: true`).
 * Every event refreshes the last-activity time, so tabs sharing the store share the session.
 * Returns the event's fields.
 */
export function touchSession(store: KV, now: number, timeout: number): { sessionId: string; sessionStart?: true } {
  const saved = load<{ i: string; t: number }>(store, SESSION_KEY);
  const start = !saved || !(now - saved.t < timeout);
  const sessionId = start ? newId() : saved.i;
  save(store, SESSION_KEY, { i: sessionId, t: now });
  return { sessionId, sessionStart: start || undefined };
}
