/**
 * The figures of a campaign, each from the report function the API serves it with (channel
 * report, ROI report, attribution comparison, funnels), so a review and the API agree.
 */
import { computeMetric, ratio } from '../analytics/metrics/metric-dictionary.js';
import type { ReportEngine } from '../storage/report-engine.js';
import type { Money } from '../storage/sqlite/analytics/channels/get-breakdown.js';
import type { ChannelRow } from '../storage/sqlite/analytics/channels/get-channel-report.js';
import type { RoiRow } from '../storage/sqlite/analytics/costs/get-roi-report.js';
import { resolveRange } from '../time/zoned-time.js';
import type { Campaign } from './campaign-schema.js';
import type { CampaignReview, CreativeRow, Headline } from './review-types.js';

/** Settings of the ROI and attribution sections (the API's defaults). */
export const REVIEW_SETTINGS = { roiModel: 'last_non_direct', lookbackDays: 30, halfLifeDays: 7 } as const;

/** The campaign's period as `[start, end)` epoch ms in the site time zone. */
export function campaignRange(c: Campaign, timeZone: string): { start: number; end: number } {
  return resolveRange(c.start, c.end, timeZone);
}

/** Channel report rows of the campaign's utm_campaign values. */
export async function utmCampaignRows(reports: ReportEngine, c: Campaign, range: { start: number; end: number }): Promise<ChannelRow[]> {
  const wanted = new Set(c.utm_campaigns);
  return (await reports.channels({ site: c.site, from: range.start, to: range.end, by: 'campaign' })).filter((r) => wanted.has(r.key));
}

/**
 * Breakdown report rows by utm_content among the sessions of the campaign's utm_campaign values
 * (one filter with every value, so a person in two of them counts once per creative).
 */
export async function creativeRows(reports: ReportEngine, c: Campaign, range: { start: number; end: number }): Promise<CreativeRow[]> {
  return (await reports.breakdown({ site: c.site, from: range.start, to: range.end, dimension: 'content', filters: { campaign: c.utm_campaigns } }))
    .map((r) => ({ content: String(r.key), sessions: r.sessions, users: r.users, conversions: r.conversions, convertingSessions: r.convertingSessions, revenue: r.revenue }));
}

/** ROI report rows (by source and campaign) of the campaign; costs are matched lowercased. */
export async function sourceRows(reports: ReportEngine, c: Campaign, range: { start: number; end: number }): Promise<RoiRow[]> {
  const wanted = new Set(c.utm_campaigns.map((u) => u.toLowerCase()));
  const report = await reports.roi({
    site: c.site, from: range.start, to: range.end, fromDate: c.start, toDate: c.end, model: REVIEW_SETTINGS.roiModel, by: 'campaign',
    lookbackDays: REVIEW_SETTINGS.lookbackDays, halfLifeDays: REVIEW_SETTINGS.halfLifeDays,
  });
  return report.rows.filter((r) => r.campaign !== undefined && wanted.has(r.campaign));
}

/** Every attribution model's credit to the campaign's utm_campaign values. */
export async function attributionRows(reports: ReportEngine, c: Campaign, range: { start: number; end: number }): Promise<CampaignReview['attribution']> {
  const cmp = await reports.attributionComparison({
    site: c.site, from: range.start, to: range.end, by: 'campaign', lookbackDays: REVIEW_SETTINGS.lookbackDays, halfLifeDays: REVIEW_SETTINGS.halfLifeDays,
  });
  const wanted = new Set(c.utm_campaigns);
  return { models: cmp.models, rows: cmp.rows.filter((r) => wanted.has(r.key)) };
}

/** Headline figures from the campaign's rows. */
export function headlineOf(c: Campaign, rows: readonly ChannelRow[], sources: readonly RoiRow[]): Headline {
  const sum = (f: (r: ChannelRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const sessions = sum((r) => r.sessions);
  const convertingSessions = sum((r) => r.convertingSessions);
  const cost = round(sources.reduce((a, s) => a + amountOf(s.cost, c.currency), 0));
  const attributedRevenue = round(sources.reduce((a, s) => a + amountOf(s.revenue, c.currency), 0));
  const attributedConversions = round(sources.reduce((a, s) => a + s.conversions, 0));
  return {
    sessions,
    users: sum((r) => r.users),
    conversions: sum((r) => r.conversions),
    convertingSessions,
    conversionRate: computeMetric('conversion_rate', { converting_sessions: convertingSessions, sessions }),
    revenue: addMoney(rows.flatMap((r) => r.revenue)),
    cost,
    attributedRevenue,
    attributedConversions,
    roi: computeMetric('roi', { revenue: attributedRevenue, cost }),
    roas: computeMetric('roas', { revenue: attributedRevenue, cost }),
    cpa: computeMetric('cpa', { cost, conversions: attributedConversions }),
  };
}

/** Goals against the headline. */
export function goalsOf(c: Campaign, h: Headline): CampaignReview['goals'] {
  return {
    conversions: c.goal_conversions === undefined ? null : { goal: c.goal_conversions, actual: h.conversions, reached: h.conversions >= c.goal_conversions },
    roi: c.target_roi === undefined ? null : { target: c.target_roi, actual: h.roi, reached: h.roi === null ? null : h.roi >= c.target_roi },
    budget: c.budget === undefined ? null : { budget: c.budget, spent: h.cost, share: ratio(h.cost, c.budget) },
  };
}

function amountOf(money: readonly Money[], currency: string): number {
  return money.filter((m) => m.currency === currency).reduce((a, m) => a + m.amount, 0);
}

function addMoney(items: readonly Money[]): Money[] {
  const by = new Map<string, number>();
  for (const m of items) by.set(m.currency, (by.get(m.currency) ?? 0) + m.amount);
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: round(amount) }));
}

/** Rounds to 4 decimals, like the reports, to drop binary float noise. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
