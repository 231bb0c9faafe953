import type { CostRow } from '../../../../costs/cost-row.js';
import type { CostProgress, CostTotal } from '../../../sqlite/analytics/costs/store-ad-costs.js';
import { CH_ANALYTICS_DIR, type ClickHouseDb } from '../../clickhouse-db.js';

const DIR = `${CH_ANALYTICS_DIR}costs`;

/**
 * Stores validated cost rows for `site`, replacing rows of the same day, source, medium and
 * campaign: each row is written with the import time as its version, and `ad_costs` keeps the
 * newest version of a key (ReplacingMergeTree, read FINAL). All rows go in one INSERT, one
 * block on the one shard that holds the site, so an import is stored whole or not at all; the
 * progress callback therefore hears of every `every` rows once that INSERT is acknowledged.
 * Returns how many rows were given, as the SQLite engine does.
 */
export async function storeAdCosts(ch: ClickHouseDb, site: string, rows: readonly CostRow[], onProgress?: CostProgress, every = 500): Promise<number> {
  const importedAt = Date.now();
  // Within one import the later of two rows for a key wins, as with SQLite's row-by-row upsert;
  // rows of one INSERT share a version, so the earlier ones are left out here.
  const latest = new Map<string, CostRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.date, row.source, row.medium, row.campaign]);
    latest.delete(key);
    latest.set(key, row);
  }
  await ch.insert('ad_costs', [...latest.values()].map((r) => ({
    site, date: r.date, source: r.source, medium: r.medium, campaign: r.campaign, cost: r.cost, currency: r.currency,
    impressions: r.impressions, clicks: r.clicks, imported_at: importedAt, version: importedAt,
  })));
  if (onProgress) {
    for (let done = every; done < rows.length; done += every) onProgress(done);
    if (rows.length > 0) onProgress(rows.length);
  }
  return rows.length;
}

/** Spend over the days `[fromDate, toDate]` (both `YYYY-MM-DD`, included). */
export async function getCostTotals(ch: ClickHouseDb, site: string, fromDate: string, toDate: string): Promise<CostTotal[]> {
  return ch.rows<CostTotal>(ch.sql(DIR, 'cost-totals'), { site, from_date: fromDate, to_date: toDate });
}
