import { LIVE_LOOKBACK_MS, type LiveCount } from '../../../sqlite/analytics/live/get-live-count.js';
import { CH_ANALYTICS_DIR, type ClickHouseDb } from '../../clickhouse-db.js';

const DIR = `${CH_ANALYTICS_DIR}live`;

/** Counts the events `site` received since `since` (epoch ms), as the SQLite engine's `getLiveCount`. */
export async function getLiveCount(ch: ClickHouseDb, site: string, since: number): Promise<LiveCount> {
  const [row] = await ch.rows<{ events: number; bots: number; last_received_at: number | null }>(
    ch.sql(DIR, 'live-count'), { site, since, lookback: LIVE_LOOKBACK_MS },
  );
  return { events: row.events, bots: row.bots, lastReceivedAt: row.last_received_at };
}
