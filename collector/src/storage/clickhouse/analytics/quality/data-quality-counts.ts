/** The data-quality counts of alerts on ClickHouse, as the SQLite engine's data-quality-counts.ts. */
import { fileURLToPath } from 'node:url';
import type { ArrivalWindow } from '../../../sqlite/alerts/data-quality-counts.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** Quarantined events (and unreadable bodies) of the site that arrived in the window. */
export async function countQuarantined(ch: ClickHouseDb, w: ArrivalWindow): Promise<number> {
  return count(ch, 'quarantined-events', w);
}

/** Accepted events carrying flags (dictionary warnings, event-time corrections) that arrived in the window. */
export async function countFlagged(ch: ClickHouseDb, w: ArrivalWindow): Promise<number> {
  return count(ch, 'flagged-events', w);
}

async function count(ch: ClickHouseDb, name: string, w: ArrivalWindow): Promise<number> {
  const [row] = await ch.rows<{ n: number }>(ch.sql(DIR, name), { site: w.site, from: w.from, to: w.to });
  return Number(row?.n ?? 0);
}
