import type { TimeBucket } from '../../../sqlite/analytics/timeseries/time-buckets.js';

/**
 * The parameters with which a time-series query finds each row's bucket in constant time.
 *
 * Buckets are cut by `timeBuckets` (the SQLite engine's code, Intl time-zone rules), not by
 * ClickHouse's own time-zone functions, so both engines cut exactly the same buckets. Searching
 * the bucket edges for every row would cost a scan of up to 5000 edges per row on 18.16 (no binary
 * search function); instead the range is cut into slots of equal length `slot`, no longer than
 * the shortest bucket, so a slot holds at most one edge. `slot_buckets[k]` is the bucket at the
 * start of slot k, and a row in that slot belongs to it or to the next one:
 *
 *   b0 = slot_buckets[intDiv(ts − from, slot)],   bucket = b0 + (ts ≥ bounds[b0 + 1])   (0-based)
 */
export interface BucketSlots {
  /** Range start (epoch ms); the first edge. */
  from: number;
  /** Range end (epoch ms, exclusive). */
  to: number;
  /** Number of buckets. */
  buckets: number;
  /** Bucket edges: each bucket's start clipped to the range, then the range end (buckets + 1). */
  bounds: number[];
  /** Slot length in ms. */
  slot: number;
  /** Per slot, the index of the bucket its start falls in. */
  slot_buckets: number[];
}

/** The slot parameters of `buckets` (from timeBuckets(from, to, …), at least one) over `[from, to)`. */
export function bucketSlots(buckets: readonly TimeBucket[], from: number, to: number): BucketSlots {
  const bounds = [...buckets.map((b) => Math.max(b.start, from)), to];
  // Unclipped lengths: only the first and last buckets are clipped, and a row never passes `to`.
  const slot = buckets.reduce((min, b) => Math.min(min, b.end - b.start), Infinity);
  const slotBuckets: number[] = [];
  let i = 0;
  for (let start = from; start < to; start += slot) {
    while (bounds[i + 1] <= start) i += 1;
    slotBuckets.push(i);
  }
  return { from, to, buckets: buckets.length, bounds, slot, slot_buckets: slotBuckets };
}
