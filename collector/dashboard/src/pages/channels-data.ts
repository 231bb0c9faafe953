/** Shapes of the channel, attribution and ROI answers the channel page reads. */
import type { Money } from '../series.js';

/** A row of `GET /v1/reports/channels`. */
export interface ChannelRow {
  key: string;
  sessions: number;
  users: number;
  conversions: number;
  convertingSessions: number;
  conversionRate: number | null;
  revenue: Money[];
}

/** The attribution models, in the API's order. */
export const MODELS = ['first_touch', 'last_touch', 'last_non_direct', 'linear', 'time_decay', 'position_based', 'markov', 'shapley'] as const;
export type ModelId = (typeof MODELS)[number];

/** Conversions and revenue per currency credited to a key. */
export interface MoneyCredit {
  conversions: number;
  revenue: Money[];
}

/** `GET /v1/attribution`. */
export interface AttributionAnswer {
  model: ModelId;
  rows: ({ key: string } & MoneyCredit)[];
  unattributed: MoneyCredit;
  totals: MoneyCredit;
}

/** `GET /v1/attribution/compare`. */
export interface ComparisonAnswer {
  models: ModelId[];
  rows: { key: string; credits: Record<ModelId, MoneyCredit> }[];
  unattributed: MoneyCredit;
  totals: MoneyCredit;
}

/** ROI figures of one cost currency. */
export interface CurrencyFigures {
  currency: string; cost: number; revenue: number;
  roi: number | null; roas: number | null; cpa: number | null; cpc: number | null;
}

/** A row of `GET /v1/reports/roi`. */
export interface RoiRow extends MoneyCredit {
  key: string;
  cost: Money[];
  impressions: number | null;
  clicks: number | null;
  ctr: number | null;
  figures: CurrencyFigures[];
  currencyMismatch: boolean;
}

/** `GET /v1/reports/roi`. */
export interface RoiAnswer {
  rows: RoiRow[];
  unattributed: MoneyCredit;
  totals: MoneyCredit & { cost: Money[] };
  costsWithoutTraffic: { source: string; campaign: string; medium: string; cost: Money }[];
}
