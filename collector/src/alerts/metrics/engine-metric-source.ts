/**
 * Reads alert metrics from the storage engine with the same reports the API serves (session
 * totals of the breakdown report, costs, ROI, funnels) and the data-quality counts, so an alert
 * sees exactly the numbers the reports show, on SQLite and on ClickHouse alike. Figures of one
 * window are fetched once per source and shared by every metric read from them.
 */
import { computeMetric, getMetric, type MetricDefinition } from '../../analytics/metrics/metric-dictionary.js';
import type { AlertData } from '../alert-data.js';
import { DATA_QUALITY_METRICS } from './data-quality-metrics.js';
import type { MetricFetcher, MetricQuery } from './metric-source.js';
import { costFigures, funnelFigures } from './other-figures.js';
import { roiWindowFigures } from './roi-window-figures.js';
import { amountIn, sessionFigures, sessionFilters } from './session-figures.js';

type Reader = (f: Figures, q: MetricQuery) => Promise<number | null>;

/** Lazily fetched figures of one window; concurrent readers share one fetch. */
interface Figures {
  /** Replaced by the batch's answer when prefetched. */
  session: () => ReturnType<typeof sessionFigures>;
  costs(): ReturnType<typeof costFigures>;
  roi(): ReturnType<typeof roiWindowFigures>;
  funnel(): ReturnType<typeof funnelFigures>;
  quality(): Promise<{ quarantined: number; flagged: number }>;
}

const READERS: Record<string, Reader> = {
  sessions: async (f) => (await f.session()).sessions,
  visitors: async (f) => (await f.session()).users,
  page_views: async (f) => (await f.session()).pageviews,
  conversions: async (f) => (await f.session()).conversions,
  converting_sessions: async (f) => (await f.session()).convertingSessions,
  revenue: async (f, q) => amountIn((await f.session()).revenue, q.currency),
  conversion_rate: async (f) => {
    const s = await f.session();
    return computeMetric('conversion_rate', { converting_sessions: s.convertingSessions, sessions: s.sessions });
  },
  average_order_value: async (f, q) => {
    const s = await f.session();
    return computeMetric('average_order_value', { revenue: amountIn(s.revenue, q.currency), conversions: s.conversions });
  },
  engaged_sessions: async (f) => (await f.session()).engagedSessions,
  bounce_rate: async (f) => (await f.session()).bounceRate,
  engagement_rate: async (f) => {
    const s = await f.session();
    return computeMetric('engagement_rate', { sessions: s.sessions, engaged_sessions: s.engagedSessions });
  },
  cost: async (f) => (await f.costs())?.cost ?? null,
  impressions: async (f) => (await f.costs())?.impressions ?? null,
  clicks: async (f) => (await f.costs())?.clicks ?? null,
  cpc: async (f) => {
    const c = await f.costs();
    return computeMetric('cpc', { cost: c?.cost, clicks: c?.clicks });
  },
  ctr: async (f) => {
    const c = await f.costs();
    return computeMetric('ctr', { clicks: c?.clicks, impressions: c?.impressions });
  },
  roi: async (f) => (await f.roi())?.roi ?? null,
  roas: async (f) => (await f.roi())?.roas ?? null,
  cpa: async (f) => (await f.roi())?.cpa ?? null,
  funnel_step_users: async (f) => (await f.funnel())?.step ?? null,
  funnel_previous_step_users: async (f) => (await f.funnel())?.previous ?? null,
  funnel_step_conversion: async (f) => {
    const s = await f.funnel();
    return computeMetric('funnel_step_conversion', { funnel_step_users: s?.step, funnel_previous_step_users: s?.previous });
  },
  quarantined_events: async (f) => (await f.quality()).quarantined,
  flagged_events: async (f) => (await f.quality()).flagged,
};

/** The metrics read from a window's session totals. */
const SESSION_METRICS = new Set([
  'sessions', 'visitors', 'page_views', 'conversions', 'converting_sessions', 'revenue', 'conversion_rate',
  'average_order_value', 'engaged_sessions', 'bounce_rate', 'engagement_rate',
]);

/** Ids of the metrics alerts can watch, dictionary metrics first. */
export function alertableMetrics(): string[] {
  return Object.keys(READERS);
}

/** Whether alerts can watch `id`. */
export function isAlertableMetric(id: string): boolean {
  return Object.hasOwn(READERS, id);
}

/** The definition (names, unit, direction) of an alertable metric. */
export function alertMetricDefinition(id: string): MetricDefinition | undefined {
  return getMetric(id) ?? DATA_QUALITY_METRICS.find((m) => m.id === id);
}

/** A metric source over the engine's reports. Make one per evaluation: it caches the window figures it read. */
export function engineMetricSource(data: AlertData): MetricFetcher {
  const windows = new Map<string, Figures>();
  const figuresOf = (q: MetricQuery): Figures => {
    const key = JSON.stringify([q.start, q.end, q.filters, q.currency, q.attribution]);
    let f = windows.get(key);
    if (!f) {
      f = lazyFigures(data, q);
      windows.set(key, f);
    }
    return f;
  };
  return {
    read(metric, q) {
      const reader = READERS[metric];
      if (!reader) throw new RangeError(`metric "${metric}" cannot be read by alerts`);
      return reader(figuresOf(q), q);
    },
    // The session totals of every window read, in one query per site and filters: a preview of
    // an hourly rule reads hundreds of windows, each otherwise a query of its own.
    async prefetch(reads) {
      const groups = new Map<string, Map<string, MetricQuery>>();
      for (const [metric, q] of reads) {
        if (!SESSION_METRICS.has(metric)) continue;
        const key = JSON.stringify([q.site, q.filters]);
        const windows = groups.get(key) ?? new Map<string, MetricQuery>();
        windows.set(JSON.stringify([q.start, q.end, q.currency, q.attribution]), q);
        groups.set(key, windows);
      }
      for (const group of groups.values()) {
        const qs = [...group.values()];
        const { site, filters } = qs[0];
        const totals = await data.reports.sessionTotalsByWindow({ site, windows: qs.map((q) => ({ from: q.start, to: q.end })), filters: sessionFilters(filters) });
        qs.forEach((q, i) => { figuresOf(q).session = async () => totals[i]; });
      }
    },
  };
}

function lazyFigures(data: AlertData, q: MetricQuery): Figures {
  const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= make());
  };
  return {
    session: once(() => sessionFigures(data.reports, q)),
    costs: once(() => costFigures(data.reports, q)),
    roi: once(() => roiWindowFigures(data.reports, q)),
    funnel: once(() => funnelFigures(data, q)),
    quality: once(() => data.reports.dataQuality({ site: q.site, from: q.start, to: q.end })),
  };
}
