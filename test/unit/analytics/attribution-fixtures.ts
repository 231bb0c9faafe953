/** Small builders that keep the attribution tests readable. */
import type { AttributionResult, Conversion, Credit, NonConvertingPath, Touch } from '../../../collector/src/analytics/attribution/types.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** A touch on `key` at `ts` (ms). Keys starting with "direct" are direct traffic. */
export function touch(key: string, ts: number): Touch {
  return { key, ts, direct: key.startsWith('direct') };
}

/** A conversion at `ts` worth `value`, whose touches are the keys one hour apart before it. */
export function conversion(value: number, keys: string[], ts = 100 * DAY): Conversion {
  return { value, ts, touches: keys.map((k, i) => touch(k, ts - (keys.length - i) * HOUR)) };
}

/** A non-converting path over `keys`. */
export function lost(keys: string[], count?: number): NonConvertingPath {
  return { touches: keys.map((k, i) => touch(k, i * HOUR)), ...(count === undefined ? {} : { count }) };
}

/** Credits as a plain object for `toEqual`-style comparisons with a tolerance. */
export function creditsOf(result: AttributionResult): Record<string, Credit> {
  return Object.fromEntries(result.credits);
}

/** Sum of credits plus unattributed. */
export function creditedTotal(result: AttributionResult): Credit {
  let conversions = result.unattributed.conversions;
  let revenue = result.unattributed.revenue;
  for (const c of result.credits.values()) {
    conversions += c.conversions;
    revenue += c.revenue;
  }
  return { conversions, revenue };
}
