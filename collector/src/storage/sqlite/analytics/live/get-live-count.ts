import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { preparedStatement } from '../channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** How far back events arriving now may be stamped (offline queues): one day. */
export const LIVE_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** Events a site received in a recent window. */
export interface LiveCount {
  /** Events received since `since` (bots included). */
  events: number;
  /** Of which sent by bots (excluded from reports). */
  bots: number;
  /** When the newest of them arrived (epoch ms), or null when none did. */
  lastReceivedAt: number | null;
}

/** Counts the events `site` received since `since` (epoch ms). */
export function getLiveCount(db: Database.Database, site: string, since: number): LiveCount {
  const row = preparedStatement(db, DIR, 'live-count').get({ site, since, lookback: LIVE_LOOKBACK_MS }) as {
    events: number; bots: number; last_received_at: number | null;
  };
  return { events: row.events, bots: row.bots, lastReceivedAt: row.last_received_at };
}
