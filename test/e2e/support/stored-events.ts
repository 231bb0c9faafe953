/** Reading what the collector stored, as the specs compare it with a journey. */
import type { DemoStack } from './start-demo-stack.js';
import { waitFor } from './wait-for.js';

/** The columns of the `events` table that the specs look at. */
export interface StoredEvent {
  seq: number;
  id: string;
  event: string;
  path: string;
  url: string;
  ts: number;
  client_ts: number;
  user_id: string | null;
  anonymous_id: string;
  session_id: string;
  platform: string;
  device_type: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  source: string;
  medium: string;
  channel: string;
  first_touch: string | null;
  is_bot: number;
  props: string;
  goal: string | null;
  revenue: number | null;
  currency: string | null;
  order_id: string | null;
}

/** The demo site's stored events, in the order the visitor's tab made them. */
export function storedEvents(stack: DemoStack): StoredEvent[] {
  // Ordered by the client's clock, then arrival: one tab's Date.now() is the true order, while
  // the stored ts adds a per-batch skew correction of a few ms that could swap two events made in
  // the same millisecond but sent in different batches.
  return stack.query<StoredEvent>("SELECT * FROM events WHERE site = 'demo' ORDER BY client_ts, seq");
}

/** [event, path] of each row: the shape the specs write their expectations in. */
export function eventPairs(rows: StoredEvent[]): [string, string][] {
  return rows.map((r) => [r.event, r.path]);
}

/**
 * Waits until at least `count` events are stored and returns them; on timeout the error shows
 * what is. The specs then compare the rows with the journey, so an extra event fails there.
 */
export function waitForStored(stack: DemoStack, count: number, what: string): Promise<StoredEvent[]> {
  return waitFor(
    () => {
      const rows = storedEvents(stack);
      return rows.length >= count ? rows : undefined;
    },
    { what: `${what} (${count} events)`, timeout: 20_000 },
    () => eventPairs(storedEvents(stack)),
  );
}
