/**
 * The reports of the analytics API, as one interface both storage engines implement: SQLite (the
 * embedded default) and ClickHouse. The HTTP routes call only this; each engine keeps its own SQL
 * (`storage/sqlite/analytics/<area>/`, `storage/clickhouse/analytics/<area>/`, same file names).
 * Every method first brings derived sessions and persons up to date, so a report sees every event
 * accepted so far.
 */
import type Database from 'better-sqlite3';
import type { getAipl } from './sqlite/analytics/aipl/get-aipl.js';
import type { getAttribution, getAttributionComparison } from './sqlite/analytics/attribution/get-attribution.js';
import type { getBreakdown } from './sqlite/analytics/channels/get-breakdown.js';
import type { getChannelReport } from './sqlite/analytics/channels/get-channel-report.js';
import type { getRoiReport } from './sqlite/analytics/costs/get-roi-report.js';
import type { storeAdCosts } from './sqlite/analytics/costs/store-ad-costs.js';
import type { getFunnel } from './sqlite/analytics/funnels/get-funnel.js';
import type { getLiveCount } from './sqlite/analytics/live/get-live-count.js';
import type { getRetention } from './sqlite/analytics/retention/get-retention.js';
import type { getRfm } from './sqlite/analytics/rfm/get-rfm.js';
import type { getTimeseries } from './sqlite/analytics/timeseries/get-timeseries.js';
import type { getSessionTotals, getSessionTotalsByWindow } from './sqlite/analytics/channels/get-session-totals.js';
import type { CostTotal } from './sqlite/analytics/costs/store-ad-costs.js';
import type { ArrivalWindow } from './sqlite/alerts/data-quality-counts.js';

/** The query of a SQLite report function (its second argument). */
type QueryOf<F extends (db: Database.Database, ...args: never[]) => unknown> = Parameters<F>[1];
/** An engine method with the SQLite function's query and result, answered asynchronously. */
type Report<F extends (db: Database.Database, q: never) => unknown> = (q: QueryOf<F>) => Promise<ReturnType<F>>;

/** Names of the engines. */
export type EngineName = 'sqlite' | 'clickhouse';

export interface ReportEngine {
  readonly name: EngineName;
  channels: Report<typeof getChannelReport>;
  breakdown: Report<typeof getBreakdown>;
  timeseries: Report<typeof getTimeseries>;
  liveCount(site: string, since: number): Promise<ReturnType<typeof getLiveCount>>;
  funnel: Report<typeof getFunnel>;
  retention: Report<typeof getRetention>;
  rfm: Report<typeof getRfm>;
  aipl: Report<typeof getAipl>;
  attribution: Report<typeof getAttribution>;
  attributionComparison: Report<typeof getAttributionComparison>;
  roi: Report<typeof getRoiReport>;
  /** Totals of the sessions of a range that pass the filters (alerts read their session metrics here). */
  sessionTotals: Report<typeof getSessionTotals>;
  /** sessionTotals of many windows at once (an alert preview reads hundreds). */
  sessionTotalsByWindow: Report<typeof getSessionTotalsByWindow>;
  /** Imported spend of a site over the days `[fromDate, toDate]` (both included), per cost row key. */
  costTotals(site: string, fromDate: string, toDate: string): Promise<CostTotal[]>;
  /** Events of a site quarantined, and accepted with flags, that arrived in the window. */
  dataQuality(w: ArrivalWindow): Promise<{ quarantined: number; flagged: number }>;
  /** Upserts ad cost rows of a site; returns how many were imported. */
  storeAdCosts(site: string, rows: Parameters<typeof storeAdCosts>[2]): Promise<number>;
}
