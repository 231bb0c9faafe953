import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { CostRow } from '../../../../costs/cost-row.js';
import { preparedStatement } from '../channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/** Called every `every` rows while storing, with how many are done. */
export type CostProgress = (done: number) => void;

/**
 * Stores validated cost rows for `site` in one transaction (all rows or none), replacing rows
 * of the same day, source, medium and campaign. Returns how many rows were written.
 */
export function storeAdCosts(db: Database.Database, site: string, rows: readonly CostRow[], onProgress?: CostProgress, every = 500): number {
  const upsert = preparedStatement(db, DIR, 'upsert-ad-cost');
  const importedAt = Date.now();
  const run = db.transaction(() => {
    rows.forEach((row, i) => {
      upsert.run({ site, ...row, imported_at: importedAt });
      if (onProgress && ((i + 1) % every === 0 || i + 1 === rows.length)) onProgress(i + 1);
    });
  });
  run();
  return rows.length;
}

/** Summed spend of one source, campaign, medium and currency over a range of days. */
export interface CostTotal {
  source: string;
  campaign: string;
  medium: string;
  currency: string;
  cost: number;
  impressions: number | null;
  clicks: number | null;
}

/** Spend over the days `[fromDate, toDate]` (both `YYYY-MM-DD`, included). */
export function getCostTotals(db: Database.Database, site: string, fromDate: string, toDate: string): CostTotal[] {
  return preparedStatement(db, DIR, 'cost-totals').all({ site, from_date: fromDate, to_date: toDate }) as CostTotal[];
}
