import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { ModelId } from '../../../../analytics/attribution/index.js';
import { computeMetric } from '../../../../analytics/metrics/metric-dictionary.js';
import { classifyChannel } from '../../../../channels/index.js';
import { attributeByCurrency, round, type MoneyCredit } from '../attribution/attribute-by-currency.js';
import { modelRun } from '../attribution/get-attribution.js';
import { loadAttributionPaths, type AttributionPaths, type PathsQuery } from '../attribution/load-attribution-paths.js';
import type { Money } from '../channels/get-breakdown.js';
import { preparedStatement } from '../channels/prepare-cached.js';
import { roiFigures, hasCurrencyMismatch, type CostSums, type CurrencyFigures } from './roi-figures.js';
import { getCostTotals, type CostTotal } from './store-ad-costs.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const DAY_MS = 86_400_000;

/** An ROI query: conversions in `[from, to)` (epoch ms), costs of the days `[fromDate, toDate]`. */
export interface RoiQuery {
  site: string;
  from: number;
  to: number;
  fromDate: string;
  toDate: string;
  model: ModelId;
  by: 'channel' | 'campaign';
  lookbackDays: number;
  halfLifeDays: number;
}

/** One ROI row: a channel, or a (source, campaign) pair. */
export interface RoiRow extends MoneyCredit, CostSums {
  key: string;
  /** by=campaign only: the pair cost rows and visits are matched on (lowercased). */
  source?: string;
  campaign?: string;
  ctr: number | null;
  figures: CurrencyFigures[];
  /** Cost in one currency, revenue in another: ROI and ROAS are left null, not mixed. */
  currencyMismatch: boolean;
}

/** A cost row whose (source, campaign) had no human session in the range. */
export interface UnmatchedCost {
  source: string;
  campaign: string;
  medium: string;
  cost: Money;
}

/** The ROI report. */
export interface RoiReport {
  rows: RoiRow[];
  /** Conversions and revenue no touch explains. */
  unattributed: MoneyCredit;
  totals: MoneyCredit & { cost: Money[] };
  costsWithoutTraffic: UnmatchedCost[];
}

/**
 * ROI by channel or campaign: attributed revenue (by the chosen model, keyed on the touch's
 * source and campaign) joined to imported costs on (source, campaign) and the range's days.
 * Channels of cost rows come from the channel rules applied to their source, medium, campaign.
 */
export function getRoiReport(db: Database.Database, q: RoiQuery): RoiReport {
  const paths = loadAttributionPaths(db, roiPathsQuery(q));
  const costs = getCostTotals(db, q.site, q.fromDate, q.toDate);
  const traffic = preparedStatement(db, DIR, 'traffic-pairs').all({ site: q.site, from: q.from, to: q.to }) as TrafficPair[];
  return roiReport(q, paths, costs, traffic);
}

/** A lowercased (source, campaign) pair of a human session in the range. */
export interface TrafficPair {
  source: string;
  campaign: string;
}

/** The paths an ROI query reads: keyed on the touch's (source, campaign) pair, or its channel. */
export function roiPathsQuery(q: RoiQuery): PathsQuery {
  return { site: q.site, from: q.from, to: q.to, by: q.by === 'campaign' ? 'source_campaign' : 'channel', lookbackMs: q.lookbackDays * DAY_MS };
}

/** The ROI report from data already read (by either storage engine): paths, cost totals, traffic pairs. */
export function roiReport(q: RoiQuery, paths: AttributionPaths, costs: readonly CostTotal[], trafficPairs: readonly TrafficPair[]): RoiReport {
  const credit = attributeByCurrency(modelRun(q.model, q.halfLifeDays), paths);
  const costKey = (c: CostTotal) => (q.by === 'campaign' ? JSON.stringify([c.source, c.campaign]) : classifyChannel(c));
  const sums = sumCosts(costs, costKey);
  const keys = [...new Set([...credit.rows.map((r) => r.key), ...sums.keys()])].sort();
  const rows = keys.map((key) => roiRow(key, q.by, credit.rows.find((r) => r.key === key), sums.get(key)));
  const traffic = new Set(trafficPairs.map((p) => JSON.stringify([p.source, p.campaign])));
  const costsWithoutTraffic = costs
    .filter((c) => !traffic.has(JSON.stringify([c.source, c.campaign])))
    .map((c) => ({ source: c.source, campaign: c.campaign, medium: c.medium, cost: { currency: c.currency, amount: round(c.cost, 4) } }));
  return { rows, unattributed: credit.unattributed, totals: { ...credit.totals, cost: totalCost(costs) }, costsWithoutTraffic };
}

function sumCosts(costs: readonly CostTotal[], keyOf: (c: CostTotal) => string): Map<string, CostSums> {
  const sums = new Map<string, CostSums>();
  for (const c of costs) {
    const key = keyOf(c);
    const s = sums.get(key) ?? { cost: [], impressions: null, clicks: null };
    const money = s.cost.find((m) => m.currency === c.currency);
    if (money) money.amount = round(money.amount + c.cost, 4);
    else s.cost.push({ currency: c.currency, amount: round(c.cost, 4) });
    // A platform that reports no clicks leaves them unknown rather than 0.
    if (c.impressions !== null) s.impressions = (s.impressions ?? 0) + c.impressions;
    if (c.clicks !== null) s.clicks = (s.clicks ?? 0) + c.clicks;
    sums.set(key, s);
  }
  return sums;
}

function roiRow(key: string, by: RoiQuery['by'], credit: MoneyCredit | undefined, costs: CostSums | undefined): RoiRow {
  const c = costs ?? { cost: [], impressions: null, clicks: null };
  const conversions = credit?.conversions ?? 0;
  const revenue = credit?.revenue ?? [];
  const pair = by === 'campaign' ? (JSON.parse(key) as [string, string]) : null;
  return {
    key: pair ? `${pair[0]} / ${pair[1] || '(not set)'}` : key,
    ...(pair ? { source: pair[0], campaign: pair[1] } : {}),
    conversions,
    revenue,
    ...c,
    cost: [...c.cost].sort((a, b) => a.currency.localeCompare(b.currency)),
    ctr: computeMetric('ctr', { clicks: c.clicks, impressions: c.impressions }),
    figures: roiFigures(c, revenue, conversions),
    currencyMismatch: hasCurrencyMismatch(c.cost, revenue),
  };
}

function totalCost(costs: readonly CostTotal[]): Money[] {
  const by = new Map<string, number>();
  for (const c of costs) by.set(c.currency, (by.get(c.currency) ?? 0) + c.cost);
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: round(amount, 4) }));
}
