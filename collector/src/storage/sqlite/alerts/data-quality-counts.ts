import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { preparedStatement } from '../analytics/channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** A site and an arrival-time window `[from, to)` in epoch ms. */
export interface ArrivalWindow {
  site: string;
  from: number;
  to: number;
}

/** Quarantined events (and unreadable bodies) of the site that arrived in the window. */
export function countQuarantined(db: Database.Database, w: ArrivalWindow): number {
  return (preparedStatement(db, DIR, 'quarantined-events').get(w) as { n: number }).n;
}

/** Accepted events carrying flags (dictionary warnings, event-time corrections) that arrived in the window. */
export function countFlagged(db: Database.Database, w: ArrivalWindow): number {
  return (preparedStatement(db, DIR, 'flagged-events').get(w) as { n: number }).n;
}
