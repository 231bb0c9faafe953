import { assertFiniteNumber } from '../input-error.js';
import { quintileScores } from './quintile-scores.js';
import { rfmSegment, type RfmSegmentId } from './rfm-segments.js';

const DAY_MS = 86_400_000;

/** A customer's conversions, aggregated (one row per person from SQL). */
export interface RfmCustomer {
  id: string;
  /** Time of the last conversion, epoch ms. */
  lastConversionTs: number;
  /** Number of conversions (≥ 1 for anyone who is in an RFM table at all). */
  frequency: number;
  /** Revenue sum. */
  monetary: number;
}

/** A scored customer. */
export interface RfmScore {
  id: string;
  /** Whole days from the last conversion to `asOf` (0 on the same day; never negative). */
  recencyDays: number;
  frequency: number;
  monetary: number;
  /** Quintile scores 1–5; 5 is best (most recent, most frequent, highest spend). */
  r: number;
  f: number;
  m: number;
  segment: RfmSegmentId;
}

/**
 * Scores every customer relative to the others (quintiles, see {@link quintileScores}) and
 * names the segment. `asOf` is the reference time for recency, epoch ms.
 */
export function scoreRfm(customers: readonly RfmCustomer[], asOf: number): RfmScore[] {
  assertFiniteNumber(asOf, '/asOf');
  customers.forEach((c, i) => {
    assertFiniteNumber(c.lastConversionTs, `/customers/${i}/lastConversionTs`);
    assertFiniteNumber(c.frequency, `/customers/${i}/frequency`, 0);
    assertFiniteNumber(c.monetary, `/customers/${i}/monetary`);
  });
  const recency = customers.map((c) => Math.max(0, Math.floor((asOf - c.lastConversionTs) / DAY_MS)));
  const r = quintileScores(recency, 'lower_is_better');
  const f = quintileScores(customers.map((c) => c.frequency), 'higher_is_better');
  const m = quintileScores(customers.map((c) => c.monetary), 'higher_is_better');
  return customers.map((c, i) => ({
    id: c.id,
    recencyDays: recency[i],
    frequency: c.frequency,
    monetary: c.monetary,
    r: r[i],
    f: f[i],
    m: m[i],
    segment: rfmSegment(r[i], f[i], m[i]).id,
  }));
}
