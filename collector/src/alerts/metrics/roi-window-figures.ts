/**
 * ROI, ROAS and CPA of a window through the ROI report (getRoiReport), under the attribution
 * model chosen on the rule, so an alert reads the figures `GET /v1/reports/roi` shows.
 */
import type { ReportEngine } from '../../storage/report-engine.js';
import { round } from '../../storage/sqlite/analytics/attribution/attribute-by-currency.js';
import type { Money } from '../../storage/sqlite/analytics/channels/get-breakdown.js';
import type { RoiRow } from '../../storage/sqlite/analytics/costs/get-roi-report.js';
import { roiFigures, type CurrencyFigures } from '../../storage/sqlite/analytics/costs/roi-figures.js';
import { DEFAULT_ATTRIBUTION } from '../alert-rule.js';
import { ROI_FILTER_DIMENSIONS } from './metric-filters.js';
import type { MetricQuery } from './metric-source.js';
import { wholeDays } from './other-figures.js';
import { dimensionFilters } from './session-figures.js';

/**
 * The ROI figures of the window's report rows that pass the rule's filter (all rows without
 * one), in the rule's currency or the only cost currency present. Conversions in the window are
 * attributed by the rule's model; costs are those of the window's days. Null when the window is
 * not whole days, the filter is one the ROI report cannot key on, there is no cost in the
 * currency, or several cost currencies and none chosen. ROI and ROAS are null inside the
 * figures when the rows earned revenue in another currency (the report never mixes them).
 */
export async function roiWindowFigures(reports: ReportEngine, q: MetricQuery): Promise<CurrencyFigures | null> {
  const days = wholeDays(q);
  const filters = dimensionFilters(q.filters);
  if (!days || filters.length > 1 || filters.some((f) => !ROI_FILTER_DIMENSIONS.includes(f.dim))) return null;
  const filter = filters[0];
  const a = q.attribution ?? DEFAULT_ATTRIBUTION;
  const report = await reports.roi({
    site: q.site, from: q.start, to: q.end, ...days, model: a.model, by: filter?.dim === 'campaign' ? 'campaign' : 'channel',
    lookbackDays: a.lookbackDays, halfLifeDays: a.halfLifeDays,
  });
  const rows = report.rows.filter((r) => !filter || (filter.dim === 'campaign' ? r.campaign === filter.value.toLowerCase() : r.key === filter.value));
  const figures = roiFigures(
    { cost: addMoney(rows.flatMap((r) => r.cost)), impressions: null, clicks: sumKnown(rows.map((r) => r.clicks)) },
    addMoney(rows.flatMap((r) => r.revenue)),
    rows.reduce((n, r) => n + r.conversions, 0),
  );
  if (q.currency) return figures.find((f) => f.currency === q.currency) ?? null;
  return figures.length === 1 ? figures[0] : null;
}

function addMoney(items: readonly Money[]): Money[] {
  const by = new Map<string, number>();
  for (const m of items) by.set(m.currency, (by.get(m.currency) ?? 0) + m.amount);
  return [...by].map(([currency, amount]) => ({ currency, amount: round(amount, 4) }));
}

function sumKnown(xs: readonly RoiRow['clicks'][]): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
