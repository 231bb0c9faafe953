/**
 * Reads alert metrics from the collector's database with the same functions the report API
 * uses (session totals of the breakdown report, costs, ROI, funnels), and the data-quality counts. Figures of one
 * window are fetched once per source and shared by every metric read from them.
 */
import type Database from 'better-sqlite3';
import { computeMetric, getMetric, type MetricDefinition } from '../../analytics/metrics/metric-dictionary.js';
import { countFlagged, countQuarantined } from '../../storage/sqlite/alerts/data-quality-counts.js';
import { DATA_QUALITY_METRICS } from './data-quality-metrics.js';
import type { MetricQuery, MetricSource } from './metric-source.js';
import { costFigures, funnelFigures } from './other-figures.js';
import { roiWindowFigures } from './roi-window-figures.js';
import { amountIn, sessionFigures } from './session-figures.js';

type Reader = (f: Figures, q: MetricQuery) => number | null;

/** Lazily fetched figures of one window. */
interface Figures {
  session(): ReturnType<typeof sessionFigures>;
  costs(): ReturnType<typeof costFigures>;
  roi(): ReturnType<typeof roiWindowFigures>;
  funnel(): ReturnType<typeof funnelFigures>;
  db: Database.Database;
}

const READERS: Record<string, Reader> = {
  sessions: (f) => f.session().sessions,
  visitors: (f) => f.session().users,
  page_views: (f) => f.session().pageviews,
  conversions: (f) => f.session().conversions,
  converting_sessions: (f) => f.session().convertingSessions,
  revenue: (f, q) => amountIn(f.session().revenue, q.currency),
  conversion_rate: (f) => computeMetric('conversion_rate', { converting_sessions: f.session().convertingSessions, sessions: f.session().sessions }),
  average_order_value: (f, q) => computeMetric('average_order_value', { revenue: amountIn(f.session().revenue, q.currency), conversions: f.session().conversions }),
  engaged_sessions: (f) => f.session().engagedSessions,
  bounce_rate: (f) => f.session().bounceRate,
  engagement_rate: (f) => computeMetric('engagement_rate', { sessions: f.session().sessions, engaged_sessions: f.session().engagedSessions }),
  cost: (f) => f.costs()?.cost ?? null,
  impressions: (f) => f.costs()?.impressions ?? null,
  clicks: (f) => f.costs()?.clicks ?? null,
  cpc: (f) => computeMetric('cpc', { cost: f.costs()?.cost, clicks: f.costs()?.clicks }),
  ctr: (f) => computeMetric('ctr', { clicks: f.costs()?.clicks, impressions: f.costs()?.impressions }),
  roi: (f) => f.roi()?.roi ?? null,
  roas: (f) => f.roi()?.roas ?? null,
  cpa: (f) => f.roi()?.cpa ?? null,
  funnel_step_users: (f) => f.funnel()?.step ?? null,
  funnel_previous_step_users: (f) => f.funnel()?.previous ?? null,
  funnel_step_conversion: (f) => computeMetric('funnel_step_conversion', { funnel_step_users: f.funnel()?.step, funnel_previous_step_users: f.funnel()?.previous }),
  quarantined_events: (f, q) => countQuarantined(f.db, { site: q.site, from: q.start, to: q.end }),
  flagged_events: (f, q) => countFlagged(f.db, { site: q.site, from: q.start, to: q.end }),
};

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

/** A metric source over `db`. Make one per evaluation: it caches the window figures it read. */
export function sqliteMetricSource(db: Database.Database): MetricSource {
  const windows = new Map<string, Figures>();
  const figuresOf = (q: MetricQuery): Figures => {
    const key = JSON.stringify([q.start, q.end, q.filters, q.currency, q.attribution]);
    let f = windows.get(key);
    if (!f) {
      f = lazyFigures(db, q);
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
  };
}

function lazyFigures(db: Database.Database, q: MetricQuery): Figures {
  const once = <T>(make: () => T): (() => T) => {
    let done = false;
    let value: T;
    return () => {
      if (!done) { value = make(); done = true; }
      return value;
    };
  };
  return {
    db,
    session: once(() => sessionFigures(db, q)),
    costs: once(() => costFigures(db, q)),
    roi: once(() => roiWindowFigures(db, q)),
    funnel: once(() => funnelFigures(db, q)),
  };
}
