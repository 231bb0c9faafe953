/** Cost and funnel figures of a window, through the cost and funnel report functions. */
import type Database from 'better-sqlite3';
import { classifyChannel } from '../../channels/index.js';
import { getCostTotals } from '../../storage/sqlite/analytics/costs/store-ad-costs.js';
import { getFunnel } from '../../storage/sqlite/analytics/funnels/get-funnel.js';
import { getSavedFunnel } from '../../storage/sqlite/analytics/funnels/saved-funnels.js';
import { startOfZonedDay } from '../../time/zoned-time.js';
import { addDays, localDate } from '../alert-windows.js';
import { amountIn, dimensionFilter } from './session-figures.js';
import type { MetricQuery } from './metric-source.js';

/** Spend, impressions and clicks of the window; null when the window is not whole days (costs are daily). */
export function costFigures(db: Database.Database, q: MetricQuery): { cost: number | null; impressions: number; clicks: number } | null {
  const fromDate = localDate(q.start, q.timeZone);
  const endDate = localDate(q.end, q.timeZone);
  if (startOfZonedDay(fromDate, q.timeZone) !== q.start || startOfZonedDay(endDate, q.timeZone) !== q.end) return null;
  const filter = dimensionFilter(q.filters);
  if (filter?.dim === 'device_type') return null;
  const rows = getCostTotals(db, q.site, fromDate, addDays(endDate, -1)).filter((c) => {
    if (!filter) return true;
    if (filter.dim === 'campaign') return c.campaign === filter.value.toLowerCase();
    if (filter.dim === 'source_medium') return `${c.source} / ${c.medium}` === filter.value.toLowerCase();
    return classifyChannel(c) === filter.value;
  });
  return {
    cost: amountIn(rows.map((r) => ({ currency: r.currency, amount: r.cost })), q.currency),
    impressions: rows.reduce((a, r) => a + (r.impressions ?? 0), 0),
    clicks: rows.reduce((a, r) => a + (r.clicks ?? 0), 0),
  };
}

/**
 * People (or sessions) at step k and k − 1 of the rule's saved funnel, for step-1 events in the
 * window; with a dimension filter, those attributed to that value at step 1. Null when the
 * funnel does not exist (any more).
 */
export function funnelFigures(db: Database.Database, q: MetricQuery): { step: number; previous: number } | null {
  const ref = q.filters.funnel;
  if (!ref) return null;
  const saved = getSavedFunnel(db, q.site, ref.id);
  if (!saved || ref.step > saved.definition.steps.length) return null;
  const filter = dimensionFilter(q.filters);
  const definition = filter ? { ...saved.definition, breakdown: filter.dim } : saved.definition;
  const report = getFunnel(db, { site: q.site, from: q.start, to: q.end, definition });
  const steps = filter ? report.groups?.find((g) => String(g.value) === filter.value)?.steps : report.steps;
  if (!steps) return { step: 0, previous: 0 };
  const at = (k: number) => steps[k - 1]?.entrants ?? 0;
  return { step: at(ref.step), previous: ref.step === 1 ? at(1) : at(ref.step - 1) };
}
