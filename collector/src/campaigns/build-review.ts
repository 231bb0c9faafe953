/** Writes a campaign review from the reports, and stores it as the campaign's next version. */
import type Database from 'better-sqlite3';
import { refreshDerived } from '../analytics/sessions/refresh-derived.js';
import { listEvents } from '../storage/sqlite/alerts/alert-history-store.js';
import { getFunnel } from '../storage/sqlite/analytics/funnels/get-funnel.js';
import { getSavedFunnel } from '../storage/sqlite/analytics/funnels/saved-funnels.js';
import { insertReview, previousCampaign } from '../storage/sqlite/campaigns/campaign-store.js';
import type { Campaign } from './campaign-schema.js';
import {
  attributionRows, campaignRange, creativeRows, goalsOf, headlineOf, REVIEW_SETTINGS, sourceRows, utmCampaignRows,
} from './campaign-figures.js';
import type { CampaignReview } from './review-types.js';

/** The review of `campaign` on the data as it is now. */
export function buildReview(db: Database.Database, campaign: Campaign, now = Date.now()): CampaignReview {
  const timeZone = campaign.timezone;
  refreshDerived(db, campaign.site);
  const range = campaignRange(campaign, timeZone);
  const byUtmCampaign = utmCampaignRows(db, campaign, range);
  const sources = sourceRows(db, campaign, range);
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
    creatives: creativeRows(db, campaign, range),
    attribution: attributionRows(db, campaign, range),
    funnel: funnelOf(db, campaign, range),
    alerts: listEvents(db, { site: campaign.site, ruleId: null, from: range.start, to: range.end, limit: 1000 })
      .filter((e) => e.type === 'fired')
      .map((e) => {
        const p = e.payload as { rule?: { name?: string }; metric?: { id?: string }; value?: number | null };
        return { ruleId: e.ruleId, ruleName: p.rule?.name ?? e.ruleId, metric: p.metric?.id ?? '', at: iso(e.at), value: p.value ?? null };
      }),
    previous: previousOf(db, campaign, range.start),
  };
}

/** Builds and stores a review; returns its version. */
export function writeReview(db: Database.Database, campaign: Campaign, trigger: 'ended' | 'on_demand', now = Date.now()): number {
  return insertReview(db, campaign.id, trigger, buildReview(db, campaign, now), now);
}

function funnelOf(db: Database.Database, c: Campaign, range: { start: number; end: number }): CampaignReview['funnel'] {
  if (!c.funnel_id) return null;
  const saved = getSavedFunnel(db, c.site, c.funnel_id);
  if (!saved) return null;
  return { id: saved.id, name: saved.name, report: getFunnel(db, { site: c.site, from: range.start, to: range.end, definition: { ...saved.definition, breakdown: 'campaign' } }) };
}

function previousOf(db: Database.Database, c: Campaign, start: number): CampaignReview['previous'] {
  const prev = previousCampaign(db, c.site, c.id, start);
  if (!prev) return null;
  const range = campaignRange(prev, prev.timezone);
  const headline = headlineOf(prev, utmCampaignRows(db, prev, range), sourceRows(db, prev, range));
  return { id: prev.id, name: prev.name, from: prev.start, to: prev.end, headline };
}

const iso = (ms: number) => new Date(ms).toISOString();
