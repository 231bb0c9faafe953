import type { NonConvertingPath } from '../../../../analytics/attribution/index.js';
import {
  ATTRIBUTION_KEYS, type AttributionPaths, type CurrencyConversion, type PathsQuery,
} from '../../../sqlite/analytics/attribution/load-attribution-paths.js';
import { CH_ANALYTICS_DIR, type ClickHouseDb } from '../../clickhouse-db.js';

const DIR = `${CH_ANALYTICS_DIR}attribution`;

/** One conversion with its touches as parallel arrays, oldest first. */
interface ConversionRow {
  ts: number;
  revenue: number;
  currency: string | null;
  touch_ts: number[];
  keys: string[];
  direct: number[];
}

/**
 * Reads conversion paths from ClickHouse, the same paths SQLite's loader reads: one row per
 * conversion with its touches already gathered and sorted; non-converting paths come back
 * already counted per distinct path, as the same JSON text in the same order.
 */
export async function loadAttributionPaths(ch: ClickHouseDb, q: PathsQuery): Promise<AttributionPaths> {
  // The key names select SQL branches: anything else would silently credit a wrong key.
  if (!ATTRIBUTION_KEYS.includes(q.by)) throw new Error(`attribution key "${String(q.by)}" is not one of ${ATTRIBUTION_KEYS.join(', ')}`);
  const params = { site: q.site, from: q.from, to: q.to, by: q.by, lookback: q.lookbackMs };
  const [rows, paths] = await Promise.all([
    ch.rows<ConversionRow>(ch.sql(DIR, 'conversion-touches'), params),
    ch.rows<{ path: string; people: number }>(ch.sql(DIR, 'non-converting-paths'), params),
  ]);
  const conversions: CurrencyConversion[] = rows.map((r) => ({
    value: r.revenue,
    ts: r.ts,
    currency: r.currency,
    touches: r.keys.map((key, i) => ({ key, ts: r.touch_ts[i], direct: r.direct[i] === 1 })),
  }));
  const nonConverting: NonConvertingPath[] = paths.map(({ path, people }) => ({
    // Only the order of a non-converting path matters to the models, so positions stand in for times.
    touches: (JSON.parse(path) as [string, number][]).map(([key, direct], i) => ({ key, ts: i, direct: direct === 1 })),
    count: people,
  }));
  return { conversions, nonConverting };
}
