import { fileURLToPath } from 'node:url';
import type { RfmCustomer } from '../../../../analytics/rfm/rfm-scores.js';
import type { RfmQuery, RfmReport } from '../../../sqlite/analytics/rfm/get-rfm.js';
import { rfmReport } from '../../../sqlite/analytics/rfm/rfm-report.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * RFM in ClickHouse: the same report as the SQLite engine's `getRfm`. Conversions are aggregated
 * per person in the database; the quintile scores, segments and order come from the same code
 * (rfmReport), so both engines score alike. Reads derived rows as they are: the caller refreshes
 * them first.
 */
export async function getRfm(ch: ClickHouseDb, q: RfmQuery): Promise<RfmReport> {
  const currencies = await ch.rows<RfmReport['currencies'][number]>(ch.sql(DIR, 'rfm-currencies'), { site: q.site, as_of: q.asOf });
  const currency = q.currency ?? currencies[0]?.currency ?? null;
  const customers = await ch.rows<RfmCustomer>(ch.sql(DIR, 'rfm-customers'), { site: q.site, as_of: q.asOf, currency });
  return rfmReport(q, currencies, currency, customers);
}
