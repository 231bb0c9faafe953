/**
 * One day of ad spend for one campaign, as users import it (JSON or CSV). The schema validates
 * both paths, feeds the OpenAPI document and the docs, so the two imports accept the same rows.
 */
import { z } from 'zod';

/** A calendar day that exists (2026-02-30 is refused), `YYYY-MM-DD`. */
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a calendar day');

function isCalendarDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const Name = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(256);

/** A non-negative whole count. */
const Count = z.number().int('must be a whole number').nonnegative('must be ≥ 0');

/** Fields of one cost row. */
export const CostRowSchema = z
  .object({
    date: CalendarDate.meta({ description: 'Day of the spend, YYYY-MM-DD in the site time zone' }),
    source: Name('source').meta({ description: 'utm_source the ads carry, e.g. baidu' }),
    medium: z.string().trim().max(256).default('').meta({ description: 'utm_medium, e.g. cpc (optional)' }),
    campaign: Name('campaign').meta({ description: 'utm_campaign the ads carry' }),
    cost: z.number().finite('must be a finite number').nonnegative('must be ≥ 0').meta({ description: 'Spend in `currency`' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in capitals, e.g. CNY').meta({ description: 'ISO 4217 currency code' }),
    impressions: Count.nullable().optional().meta({ description: 'Ad impressions (optional)' }),
    clicks: Count.nullable().optional().meta({ description: 'Ad clicks (optional)' }),
  })
  .strict()
  .meta({ title: 'CostRow' });

/** What each field allows, for error messages ("where, what is allowed"). */
export const COST_FIELD_RULES: Readonly<Record<string, string>> = {
  date: 'a calendar day YYYY-MM-DD (site time zone)',
  source: 'a non-empty utm_source, at most 256 characters',
  medium: 'a utm_medium, at most 256 characters (may be empty)',
  campaign: 'a non-empty utm_campaign, at most 256 characters',
  cost: 'a number ≥ 0',
  currency: 'an ISO 4217 code in capitals, e.g. CNY',
  impressions: 'a whole number ≥ 0 (or empty)',
  clicks: 'a whole number ≥ 0 (or empty)',
};

/** A row as the user sent it. */
export type CostRowInput = z.input<typeof CostRowSchema>;

/** A validated row, names normalized as stored (trimmed, lowercased). */
export interface CostRow {
  date: string;
  source: string;
  medium: string;
  campaign: string;
  cost: number;
  currency: string;
  impressions: number | null;
  clicks: number | null;
}

/** The validated row in stored form: names lowercased, so "Baidu" and "baidu" are one source. */
export function normalizeCostRow(row: z.infer<typeof CostRowSchema>): CostRow {
  return {
    date: row.date,
    source: row.source.toLowerCase(),
    medium: row.medium.toLowerCase(),
    campaign: row.campaign.toLowerCase(),
    cost: row.cost,
    currency: row.currency,
    impressions: row.impressions ?? null,
    clicks: row.clicks ?? null,
  };
}

/** Most rows one import may carry (a year of daily rows for ~270 campaigns). */
export const MAX_COST_ROWS = 100_000;

/** `POST /v1/costs`: a site and its rows. */
export const CostImportBodySchema = z
  .object({
    site: z.string().min(1),
    rows: z.array(CostRowSchema).min(1).max(MAX_COST_ROWS),
  })
  .strict()
  .meta({ title: 'CostImport' });
