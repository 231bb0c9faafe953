import {
  roiPathsQuery, roiReport, type RoiQuery, type RoiReport, type TrafficPair,
} from '../../../sqlite/analytics/costs/get-roi-report.js';
import { CH_ANALYTICS_DIR, type ClickHouseDb } from '../../clickhouse-db.js';
import { loadAttributionPaths } from '../attribution/load-attribution-paths.js';
import { getCostTotals } from './store-ad-costs.js';

const DIR = `${CH_ANALYTICS_DIR}costs`;

/**
 * ROI by channel or campaign: attributed revenue (by the chosen model, keyed on the touch's
 * source and campaign) joined to imported costs on (source, campaign) and the range's days.
 * The paths, cost totals and traffic pairs are read in ClickHouse; the model and the joining
 * run on them with the SQLite engine's code.
 */
export async function getRoiReport(ch: ClickHouseDb, q: RoiQuery): Promise<RoiReport> {
  const [paths, costs, traffic] = await Promise.all([
    loadAttributionPaths(ch, roiPathsQuery(q)),
    getCostTotals(ch, q.site, q.fromDate, q.toDate),
    ch.rows<TrafficPair>(ch.sql(DIR, 'traffic-pairs'), { site: q.site, from: q.from, to: q.to }),
  ]);
  return roiReport(q, paths, costs, traffic);
}
