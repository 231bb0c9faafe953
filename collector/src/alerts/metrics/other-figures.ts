/** Cost and funnel figures of a window, through the cost and funnel report functions. */
import { classifyChannel } from '../../channels/index.js';
import type { ReportEngine } from '../../storage/report-engine.js';
import type { CostTotal } from '../../storage/sqlite/analytics/costs/store-ad-costs.js';
import { getSavedFunnel } from '../../storage/sqlite/analytics/funnels/saved-funnels.js';
import { startOfZonedDay } from '../../time/zoned-time.js';
import type { AlertData } from '../alert-data.js';
import { addDays, localDate } from '../alert-windows.js';
import { COST_FILTER_DIMENSIONS } from './metric-filters.js';
import { amountIn, dimensionFilters } from './session-figures.js';
import type { MetricQuery } from './metric-source.js';

/** The window's first and last day (`YYYY-MM-DD`), or null when it is not whole days of the time zone. */
export function wholeDays(q: MetricQuery): { fromDate: string; toDate: string } | null {
  const fromDate = localDate(q.start, q.timeZone);
  const endDate = localDate(q.end, q.timeZone);
  if (startOfZonedDay(fromDate, q.timeZone) !== q.start || startOfZonedDay(endDate, q.timeZone) !== q.end) return null;
  return { fromDate, toDate: addDays(endDate, -1) };
}

/**
 * Spend, impressions and clicks of the window's cost rows that pass every filter; null when the
 * window is not whole days (costs are daily) or a filter is on a dimension cost rows lack.
 */
export async function costFigures(reports: ReportEngine, q: MetricQuery): Promise<{ cost: number | null; impressions: number; clicks: number } | null> {
  const days = wholeDays(q);
  const filters = dimensionFilters(q.filters);
  if (!days || filters.some((f) => !COST_FILTER_DIMENSIONS.includes(f.dim))) return null;
  const rows = (await reports.costTotals(q.site, days.fromDate, days.toDate)).filter((c) => filters.every((f) => costRowMatches(c, f.dim, f.value)));
  return {
    cost: amountIn(rows.map((r) => ({ currency: r.currency, amount: r.cost })), q.currency),
    impressions: rows.reduce((a, r) => a + (r.impressions ?? 0), 0),
    clicks: rows.reduce((a, r) => a + (r.clicks ?? 0), 0),
  };
}

/** Whether a cost row belongs to a filter value; cost rows are stored lowercased. */
function costRowMatches(c: CostTotal, dim: string, value: string): boolean {
  if (dim === 'campaign') return c.campaign === value.toLowerCase();
  if (dim === 'source_medium') return `${c.source} / ${c.medium}` === value.toLowerCase();
  return classifyChannel(c) === value;
}

/**
 * People (or sessions) at step k and k − 1 of the rule's saved funnel, for step-1 events in the
 * window; with a dimension filter, those attributed to that value at step 1 (the funnel report
 * breaks down by one dimension, so a rule on funnel metrics filters on at most one). Null when
 * the funnel does not exist (any more).
 */
export async function funnelFigures(data: AlertData, q: MetricQuery): Promise<{ step: number; previous: number } | null> {
  const ref = q.filters.funnel;
  if (!ref) return null;
  const saved = getSavedFunnel(data.meta, q.site, ref.id);
  if (!saved || ref.step > saved.definition.steps.length) return null;
  const filters = dimensionFilters(q.filters);
  if (filters.length > 1) return null;
  const filter = filters[0];
  const definition = filter ? { ...saved.definition, breakdown: filter.dim } : saved.definition;
  const report = await data.reports.funnel({ site: q.site, from: q.start, to: q.end, definition });
  const steps = filter ? report.groups?.find((g) => String(g.value) === filter.value)?.steps : report.steps;
  if (!steps) return { step: 0, previous: 0 };
  const at = (k: number) => steps[k - 1]?.entrants ?? 0;
  return { step: at(ref.step), previous: ref.step === 1 ? at(1) : at(ref.step - 1) };
}
