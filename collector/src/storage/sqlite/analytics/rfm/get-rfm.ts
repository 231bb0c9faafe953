import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { RfmCustomer, RfmScore } from '../../../../analytics/rfm/rfm-scores.js';
import type { RfmSegmentId } from '../../../../analytics/rfm/rfm-segments.js';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { fileStatement } from '../funnels/cached-statement.js';
import { rfmReport } from './rfm-report.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** An RFM request. */
export interface RfmQuery {
  site: string;
  /** Conversions before this instant count; recency is measured up to it. Epoch ms. */
  asOf: number;
  /** Currency of the monetary score; default the one with the most conversions. */
  currency?: string;
  /** Only persons of this segment in the page of persons. */
  segment?: RfmSegmentId;
  offset: number;
  limit: number;
}

/** One segment's share of the customers. */
export interface RfmSegmentCount {
  id: RfmSegmentId;
  name: { en: string; zh: string };
  description: { en: string; zh: string };
  persons: number;
  /** persons / customers (null without customers). */
  share: number | null;
}

/** The RFM report. */
export interface RfmReport {
  /** The currency of `monetary`, null when there are no conversions. */
  currency: string | null;
  currencies: { currency: string; conversions: number }[];
  customers: number;
  segments: RfmSegmentCount[];
  persons: { total: number; offset: number; limit: number; items: RfmScore[] };
}

/**
 * RFM: conversions are aggregated per person in SQL, then scored by quintiles against each other
 * (analytics/rfm, through rfmReport). Persons are listed best first: highest R + F + M, then
 * spend, then id.
 */
export function getRfm(db: Database.Database, q: RfmQuery): RfmReport {
  refreshDerived(db, q.site);
  const currencies = fileStatement(db, DIR, 'rfm-currencies').all({ site: q.site, as_of: q.asOf }) as RfmReport['currencies'];
  const currency = q.currency ?? currencies[0]?.currency ?? null;
  const customers = fileStatement(db, DIR, 'rfm-customers').all({ site: q.site, as_of: q.asOf, currency }) as RfmCustomer[];
  return rfmReport(q, currencies, currency, customers);
}
