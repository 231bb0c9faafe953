/**
 * Writes a campaign review from the reports of the storage engine, and stores it as the
 * campaign's next version in the metadata database (with the campaign, saved funnels and alerts).
 */
import type { AlertData } from '../alerts/alert-data.js';
import { listEvents } from '../storage/sqlite/alerts/alert-history-store.js';
import { getSavedFunnel } from '../storage/sqlite/analytics/funnels/saved-funnels.js';
import { insertReview, previousCampaign } from '../storage/sqlite/campaigns/campaign-store.js';
import type { Campaign } from './campaign-schema.js';
import {
  attributionRows, campaignRange, creativeRows, goalsOf, headlineOf, REVIEW_SETTINGS, sourceRows, utmCampaignRows,
} from './campaign-figures.js';
import type { CampaignReview } from './review-types.js';

/** What a review reads: the engine's reports and the metadata database. */
export type ReviewData = AlertData;

/** The review of `campaign` on the data as it is now. */
export async function buildReview(data: ReviewData, campaign: Campaign, now = Date.now()): Promise<CampaignReview> {
  const { meta: db, reports } = data;
  const timeZone = campaign.timezone;
  const range = campaignRange(campaign, timeZone);
  const byUtmCampaign = await utmCampaignRows(reports, campaign, range);
  const sources = await sourceRows(reports, campaign, range);
  const headline = headlineOf(campaign, byUtmCampaign, sources);
  return {
    campaign,
    period: { from: campaign.start, to: campaign.end, start: iso(range.start), end: iso(range.end), timezone: timeZone },
    generatedAt: iso(now),
    settings: { ...REVIEW_SETTINGS },
    headline,
    goals: goalsOf(campaign, headline),
    byUtmCampaign,
    sources,
    creatives: await creativeRows(reports, campaign, range),
    attribution: await attributionRows(reports, campaign, range),
    funnel: await funnelOf(data, campaign, range),
    alerts: listEvents(db, { site: campaign.site, ruleId: null, from: range.start, to: range.end, limit: 1000 })
      .filter((e) => e.type === 'fired')
      .map((e) => {
        const p = e.payload as { rule?: { name?: string }; metric?: { id?: string }; value?: number | null };
        return { ruleId: e.ruleId, ruleName: p.rule?.name ?? e.ruleId, metric: p.metric?.id ?? '', at: iso(e.at), value: p.value ?? null };
      }),
    previous: await previousOf(data, campaign, range.start),
  };
}

/** Builds and stores a review; returns its version. */
export async function writeReview(data: ReviewData, campaign: Campaign, trigger: 'ended' | 'on_demand', now = Date.now()): Promise<number> {
  const review = await buildReview(data, campaign, now);
  return insertReview(data.meta, campaign.id, trigger, review, now);
}

async function funnelOf(data: ReviewData, c: Campaign, range: { start: number; end: number }): Promise<CampaignReview['funnel']> {
  if (!c.funnel_id) return null;
  const saved = getSavedFunnel(data.meta, c.site, c.funnel_id);
  if (!saved) return null;
  const report = await data.reports.funnel({ site: c.site, from: range.start, to: range.end, definition: { ...saved.definition, breakdown: 'campaign' } });
  return { id: saved.id, name: saved.name, report };
}

async function previousOf(data: ReviewData, c: Campaign, start: number): Promise<CampaignReview['previous']> {
  const prev = previousCampaign(data.meta, c.site, c.id, start);
  if (!prev) return null;
  const range = campaignRange(prev, prev.timezone);
  const headline = headlineOf(prev, await utmCampaignRows(data.reports, prev, range), await sourceRows(data.reports, prev, range));
  return { id: prev.id, name: prev.name, from: prev.start, to: prev.end, headline };
}

const iso = (ms: number) => new Date(ms).toISOString();
