import { scoreRfm, type RfmCustomer } from '../../../../analytics/rfm/rfm-scores.js';
import { RFM_SEGMENT_RULES } from '../../../../analytics/rfm/rfm-segments.js';
import { ratio } from '../../../../analytics/metrics/metric-types.js';
import type { RfmQuery, RfmReport } from './get-rfm.js';

/**
 * The RFM report from the rows of rfm-currencies and rfm-customers, for both engines: customers
 * are scored by quintiles against each other (analytics/rfm) and listed best first: highest
 * R + F + M, then spend, then id.
 */
export function rfmReport(q: RfmQuery, currencies: RfmReport['currencies'], currency: string | null, customers: RfmCustomer[]): RfmReport {
  const scores = scoreRfm(customers, q.asOf);
  const segments = RFM_SEGMENT_RULES.map((rule) => {
    const persons = scores.filter((s) => s.segment === rule.id).length;
    return { id: rule.id, name: rule.name, description: rule.description, persons, share: ratio(persons, scores.length) };
  });
  const listed = scores
    .filter((s) => q.segment === undefined || s.segment === q.segment)
    .sort((a, b) => b.r + b.f + b.m - (a.r + a.f + a.m) || b.monetary - a.monetary || (a.id < b.id ? -1 : 1));
  return {
    currency,
    currencies,
    customers: scores.length,
    segments,
    persons: { total: listed.length, offset: q.offset, limit: q.limit, items: listed.slice(q.offset, q.offset + q.limit) },
  };
}
