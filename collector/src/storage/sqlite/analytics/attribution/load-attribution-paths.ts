import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { Conversion, NonConvertingPath, Touch } from '../../../../analytics/attribution/index.js';
import { preparedStatement } from '../channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** What a touch is credited to: the touch session's channel, `source / medium`, campaign, or
 * (for ROI) the JSON pair `["source","campaign"]` that cost rows are matched on. */
export const ATTRIBUTION_KEYS = ['channel', 'source_medium', 'campaign', 'source_campaign'] as const;
export type AttributionKey = (typeof ATTRIBUTION_KEYS)[number];

/** A conversion with the currency of its value. */
export interface CurrencyConversion extends Conversion {
  currency: string | null;
}

/** The paths of a range: converting ones with their touches, and non-converting ones. */
export interface AttributionPaths {
  conversions: CurrencyConversion[];
  nonConverting: NonConvertingPath[];
}

/** Site, range `[from, to)` of the conversions (epoch ms), key, and lookback before each conversion. */
export interface PathsQuery {
  site: string;
  from: number;
  to: number;
  by: AttributionKey;
  lookbackMs: number;
}

interface TouchRow {
  conversion: number;
  ts: number;
  revenue: number;
  currency: string | null;
  touch_ts: number | null;
  key: string | null;
  direct: number | null;
}

/**
 * Reads conversion paths from the database: the touches come back one row per (conversion,
 * touch) and are folded into conversions here; non-converting paths come back already counted
 * per distinct path.
 */
export function loadAttributionPaths(db: Database.Database, q: PathsQuery): AttributionPaths {
  const params = { site: q.site, from: q.from, to: q.to, by: q.by, lookback: q.lookbackMs };
  const rows = preparedStatement(db, DIR, 'conversion-touches').all(params) as TouchRow[];
  const conversions: CurrencyConversion[] = [];
  let current: (CurrencyConversion & { touches: Touch[] }) | undefined;
  let currentSeq = -1;
  for (const r of rows) {
    if (r.conversion !== currentSeq) {
      current = { value: r.revenue, ts: r.ts, currency: r.currency, touches: [] };
      conversions.push(current);
      currentSeq = r.conversion;
    }
    if (r.touch_ts !== null && r.key !== null) current!.touches.push({ key: r.key, ts: r.touch_ts, direct: r.direct === 1 });
  }
  const paths = preparedStatement(db, DIR, 'non-converting-paths').all(params) as { path: string; count: number }[];
  const nonConverting = paths.map(({ path, count }) => ({
    // Only the order of a non-converting path matters to the models, so positions stand in for times.
    touches: (JSON.parse(path) as [string, number][]).map(([key, direct], i) => ({ key, ts: i, direct: direct === 1 })),
    count,
  }));
  return { conversions, nonConverting };
}
