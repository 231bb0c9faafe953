/** Statistics of anomaly conditions, on plain arrays of finite numbers. */

/** Arithmetic mean; NaN for an empty array. */
export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (divides by n − 1): the history is a sample of the weekday's values. */
export function sampleStdDev(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/**
 * How unusual `x` is against `history`: z-score (x − mean) / sd, or the robust score
 * 0.6745 (x − median) / MAD (0.6745 makes it comparable to a z-score for normal data). A flat
 * history (spread 0) gives 0 for the same value and ±Infinity for any other.
 */
export function anomalyScore(x: number, history: readonly number[], method: 'zscore' | 'mad'): number {
  const center = method === 'zscore' ? mean(history) : median(history);
  const spread = method === 'zscore' ? sampleStdDev(history) : medianAbsoluteDeviation(history) / 0.6745;
  if (x === center) return 0;
  if (spread === 0) return x > center ? Infinity : -Infinity;
  return (x - center) / spread;
}
