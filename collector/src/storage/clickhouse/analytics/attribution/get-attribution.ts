import type { ModelId } from '../../../../analytics/attribution/index.js';
import {
  attributionPathsQuery, attributionReport, compareAttribution,
  type AttributionComparison, type AttributionQuery, type AttributionReport,
} from '../../../sqlite/analytics/attribution/get-attribution.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';
import { loadAttributionPaths } from './load-attribution-paths.js';

/**
 * Attributes the counted conversions of a range to touch keys with one model. The paths are
 * read in ClickHouse (identical to the SQLite engine's); the model runs in Node on them, with
 * the same code as the SQLite engine.
 */
export async function getAttribution(ch: ClickHouseDb, q: AttributionQuery & { model: ModelId }): Promise<AttributionReport> {
  return attributionReport(await loadAttributionPaths(ch, attributionPathsQuery(q)), q.model, q.halfLifeDays);
}

/** Every model on the same paths, so their credits can be compared row by row. */
export async function getAttributionComparison(ch: ClickHouseDb, q: AttributionQuery): Promise<AttributionComparison> {
  return compareAttribution(await loadAttributionPaths(ch, attributionPathsQuery(q)), q.halfLifeDays);
}
