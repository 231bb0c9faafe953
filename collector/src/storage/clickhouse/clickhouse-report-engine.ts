/**
 * The reports on ClickHouse: each sends this collector's buffered events, refreshes derived rows
 * of the site's dirty visitors in the database, then runs the report's ClickHouse SQL (beside the
 * SQLite SQL under the same names, in analytics/<area>/).
 */
import type { ReportEngine } from '../report-engine.js';
import type { ClickHouseDb } from './clickhouse-db.js';
import type { ClickHouseStore } from './clickhouse-store.js';
import { getAipl } from './analytics/aipl/get-aipl.js';
import { getAttribution, getAttributionComparison } from './analytics/attribution/get-attribution.js';
import { getBreakdown } from './analytics/channels/get-breakdown.js';
import { getChannelReport } from './analytics/channels/get-channel-report.js';
import { getRoiReport } from './analytics/costs/get-roi-report.js';
import { storeAdCosts } from './analytics/costs/store-ad-costs.js';
import { getFunnel } from './analytics/funnels/get-funnel.js';
import { getLiveCount } from './analytics/live/get-live-count.js';
import { getRetention } from './analytics/retention/get-retention.js';
import { getRfm } from './analytics/rfm/get-rfm.js';
import { getTimeseries } from './analytics/timeseries/get-timeseries.js';
import { getSessionTotals, getSessionTotalsByWindow } from './analytics/channels/get-session-totals.js';
import { getCostTotals } from './analytics/costs/store-ad-costs.js';
import { countFlagged, countQuarantined } from './analytics/quality/data-quality-counts.js';

export function clickHouseReportEngine(store: ClickHouseStore): ReportEngine {
  const fresh = <Q extends { site: string }, R>(report: (ch: ClickHouseDb, q: Q) => Promise<R>) => async (q: Q): Promise<R> => {
    await store.prepareReports(q.site);
    return report(store.ch, q);
  };
  return {
    name: 'clickhouse',
    channels: fresh(getChannelReport),
    breakdown: fresh(getBreakdown),
    timeseries: fresh(getTimeseries),
    // Live counts read raw events only: no refresh, just this collector's buffer.
    liveCount: async (site, since) => {
      await store.flush();
      return getLiveCount(store.ch, site, since);
    },
    funnel: fresh(getFunnel),
    retention: fresh(getRetention),
    rfm: fresh(getRfm),
    aipl: fresh(getAipl),
    attribution: fresh(getAttribution),
    attributionComparison: fresh(getAttributionComparison),
    roi: fresh(getRoiReport),
    sessionTotals: fresh(getSessionTotals),
    sessionTotalsByWindow: fresh(getSessionTotalsByWindow),
    costTotals: (site, fromDate, toDate) => getCostTotals(store.ch, site, fromDate, toDate),
    // Raw rows counted by arrival: no refresh, just this collector's buffer.
    dataQuality: async (w) => {
      await store.flush();
      const [quarantined, flagged] = await Promise.all([countQuarantined(store.ch, w), countFlagged(store.ch, w)]);
      return { quarantined, flagged };
    },
    storeAdCosts: (site, rows) => storeAdCosts(store.ch, site, rows),
  };
}
