import { computeMetric } from '../../../../analytics/metrics/metric-dictionary.js';
import type { Money } from '../channels/get-breakdown.js';

/** ROI figures of one cost currency of a row. */
export interface CurrencyFigures {
  currency: string;
  cost: number;
  /** Attributed revenue in the same currency (0 when none). */
  revenue: number;
  /** (revenue − cost) / cost; null without cost, or when the row earned in another currency. */
  roi: number | null;
  /** revenue / cost; null like roi. */
  roas: number | null;
  /** cost / attributed conversions; null without conversions. */
  cpa: number | null;
  /** cost / clicks; null without clicks. */
  cpc: number | null;
}

/** Cost-side sums of a row. */
export interface CostSums {
  cost: Money[];
  impressions: number | null;
  clicks: number | null;
}

/**
 * Per cost currency: ROI, ROAS, CPA and CPC from the metric dictionary. When the row earned
 * revenue in a currency other than the cost's, ROI and ROAS are null (and the row is flagged by
 * the caller) rather than computed from converted or mixed amounts.
 */
export function roiFigures(costs: CostSums, revenue: readonly Money[], conversions: number): CurrencyFigures[] {
  return costs.cost.map(({ currency, amount: cost }) => {
    const same = revenue.find((r) => r.currency === currency)?.amount ?? 0;
    const mismatch = revenue.some((r) => r.currency !== currency && r.amount !== 0);
    const inputs = { revenue: same, cost, conversions, clicks: costs.clicks };
    return {
      currency,
      cost,
      revenue: same,
      roi: mismatch ? null : computeMetric('roi', inputs),
      roas: mismatch ? null : computeMetric('roas', inputs),
      cpa: computeMetric('cpa', inputs),
      cpc: computeMetric('cpc', inputs),
    };
  });
}

/** True when the row has cost in one currency and revenue in another (ROI left null for it). */
export function hasCurrencyMismatch(costs: readonly Money[], revenue: readonly Money[]): boolean {
  return costs.some((c) => revenue.some((r) => r.currency !== c.currency && r.amount !== 0));
}
