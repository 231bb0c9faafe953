/**
 * Which dimension filters each family of alert metrics can honour. Session metrics take any
 * combination; the other reports key their rows on fewer dimensions, and a rule asking them for
 * more is refused when it is written rather than skipped at every slot.
 */
import type { AlertFilters } from '../alert-rule.js';

/** The session dimensions a rule may filter on (several at once narrow together). */
export const FILTER_DIMENSIONS = ['channel', 'source_medium', 'campaign', 'content', 'device_type'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Dimensions cost rows carry; `device_type` and `content` are unknown to ad platforms' exports. */
export const COST_FILTER_DIMENSIONS: readonly FilterDimension[] = ['channel', 'campaign', 'source_medium'];
/** Dimensions the ROI report keys rows on: a channel, or a (source, campaign) pair. */
export const ROI_FILTER_DIMENSIONS: readonly FilterDimension[] = ['channel', 'campaign'];
/** Breakdowns of the funnel report a rule can filter on (one at a time). */
export const FUNNEL_FILTER_DIMENSIONS: readonly FilterDimension[] = ['channel', 'source_medium', 'campaign', 'device_type'];

const COST_METRICS = new Set(['cost', 'impressions', 'clicks', 'cpc', 'ctr']);
const ROI_METRICS = new Set(['roi', 'roas', 'cpa']);
const FUNNEL_METRICS = new Set(['funnel_step_users', 'funnel_previous_step_users', 'funnel_step_conversion']);

/** The dimensions a rule filters on, in the order of FILTER_DIMENSIONS. */
export function filteredDimensions(filters: AlertFilters): FilterDimension[] {
  return FILTER_DIMENSIONS.filter((d) => filters[d] !== undefined);
}

/** Why `metric` cannot be read with these filters, or null when it can. */
export function filterProblem(metric: string, filters: AlertFilters): string | null {
  const dims = filteredDimensions(filters);
  const outside = (allowed: readonly FilterDimension[]) => dims.filter((d) => !allowed.includes(d));
  if (COST_METRICS.has(metric) && outside(COST_FILTER_DIMENSIONS).length) {
    return `metric "${metric}" comes from imported costs, which know ${COST_FILTER_DIMENSIONS.join(', ')} only; got ${outside(COST_FILTER_DIMENSIONS).join(' and ')}`;
  }
  if (ROI_METRICS.has(metric) && (dims.length > 1 || outside(ROI_FILTER_DIMENSIONS).length)) {
    return `metric "${metric}" comes from the ROI report, which can be narrowed by one of ${ROI_FILTER_DIMENSIONS.join(', ')}; got ${dims.join(' and ')}`;
  }
  if (FUNNEL_METRICS.has(metric) && (dims.length > 1 || outside(FUNNEL_FILTER_DIMENSIONS).length)) {
    return `metric "${metric}" comes from the funnel report, which breaks down by one of ${FUNNEL_FILTER_DIMENSIONS.join(', ')}; got ${dims.join(' and ')}`;
  }
  return null;
}
