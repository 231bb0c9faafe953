/**
 * The reports on the embedded SQLite engine: each brings derived sessions and persons up to date
 * (one indexed query when nothing changed), then runs the report's SQL.
 */
import type Database from 'better-sqlite3';
import { refreshDerived } from '../../analytics/sessions/refresh-derived.js';
import type { ReportEngine } from '../report-engine.js';
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
import { countFlagged, countQuarantined } from './alerts/data-quality-counts.js';

export function sqliteReportEngine(db: Database.Database): ReportEngine {
  const fresh = <Q extends { site: string }, R>(report: (db: Database.Database, q: Q) => R) => async (q: Q): Promise<R> => {
    refreshDerived(db, q.site);
    return report(db, q);
  };
  return {
    name: 'sqlite',
    channels: fresh(getChannelReport),
    breakdown: fresh(getBreakdown),
    timeseries: fresh(getTimeseries),
    liveCount: async (site, since) => getLiveCount(db, site, since),
    funnel: fresh(getFunnel),
    retention: fresh(getRetention),
    rfm: fresh(getRfm),
    aipl: fresh(getAipl),
    attribution: fresh(getAttribution),
    attributionComparison: fresh(getAttributionComparison),
    roi: fresh(getRoiReport),
    sessionTotals: fresh(getSessionTotals),
    sessionTotalsByWindow: fresh(getSessionTotalsByWindow),
    costTotals: async (site, fromDate, toDate) => getCostTotals(db, site, fromDate, toDate),
    // Counted by arrival from raw rows: nothing derived to refresh.
    dataQuality: async (w) => ({ quarantined: countQuarantined(db, w), flagged: countFlagged(db, w) }),
    storeAdCosts: async (site, rows) => storeAdCosts(db, site, rows),
  };
}
