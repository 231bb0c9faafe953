/** The shape of a campaign review (stored as JSON, rendered as HTML). */
import type { ModelId } from '../analytics/attribution/index.js';
import type { MoneyCredit } from '../storage/sqlite/analytics/attribution/attribute-by-currency.js';
import type { ChannelRow } from '../storage/sqlite/analytics/channels/get-channel-report.js';
import type { Money } from '../storage/sqlite/analytics/channels/get-breakdown.js';
import type { RoiRow } from '../storage/sqlite/analytics/costs/get-roi-report.js';
import type { FunnelReport } from '../storage/sqlite/analytics/funnels/get-funnel.js';
import type { Campaign } from './campaign-schema.js';

/** Headline figures of a campaign's sessions (sessions whose entry campaign is one of its utm_campaign values). */
export interface Headline {
  sessions: number;
  /** Sum over the utm_campaign values: a person in two of them counts in each. */
  users: number;
  conversions: number;
  convertingSessions: number;
  conversionRate: number | null;
  revenue: Money[];
  /** Spend of the campaign's cost rows, in the campaign currency. */
  cost: number;
  /** Revenue and conversions attributed to the campaign (ROI report, last non-direct), in its currency. */
  attributedRevenue: number;
  attributedConversions: number;
  roi: number | null;
  roas: number | null;
  cpa: number | null;
}

/** Figures of one creative (utm_content) of a campaign: a breakdown report row by `content`. */
export interface CreativeRow {
  content: string;
  sessions: number;
  /** Distinct persons among the campaign's sessions with this creative. */
  users: number;
  conversions: number;
  convertingSessions: number;
  revenue: Money[];
}

/** A campaign review. */
export interface CampaignReview {
  campaign: Campaign;
  period: { from: string; to: string; start: string; end: string; timezone: string };
  generatedAt: string;
  /** The settings the attribution and ROI sections were computed with. */
  settings: { roiModel: ModelId; lookbackDays: number; halfLifeDays: number };
  headline: Headline;
  goals: {
    conversions: { goal: number; actual: number; reached: boolean } | null;
    roi: { target: number; actual: number | null; reached: boolean | null } | null;
    budget: { budget: number; spent: number; share: number | null } | null;
  };
  /** Channel report rows (by campaign) of the campaign's utm_campaign values. */
  byUtmCampaign: ChannelRow[];
  /** ROI report rows (by source and campaign) of the campaign: each source's performance. */
  sources: RoiRow[];
  creatives: CreativeRow[];
  attribution: { models: readonly ModelId[]; rows: { key: string; credits: Record<ModelId, MoneyCredit> }[] };
  funnel: { id: string; name: string; report: FunnelReport } | null;
  alerts: { ruleId: string; ruleName: string; metric: string; at: string; value: number | null }[];
  previous: { id: string; name: string; from: string; to: string; headline: Headline } | null;
}
