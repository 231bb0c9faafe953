import type { AttributionResult, Credit, ModelId } from './types.js';

/**
 * Accumulates credit while a model walks the conversions, then hands out a result whose keys
 * are sorted, so that two runs over the same data in another order print the same table.
 */
export class CreditLedger {
  private readonly credits = new Map<string, Credit>();
  private readonly unattributed: Credit = { conversions: 0, revenue: 0 };
  private readonly totals: Credit = { conversions: 0, revenue: 0 };

  /** Records one conversion in the totals (every conversion, touched or not). */
  countConversion(value: number): void {
    this.totals.conversions += 1;
    this.totals.revenue += value;
  }

  /** Gives `share` of a conversion worth `value` to `key`. */
  give(key: string, share: number, value: number): void {
    const credit = this.credits.get(key) ?? { conversions: 0, revenue: 0 };
    credit.conversions += share;
    credit.revenue += share * value;
    this.credits.set(key, credit);
  }

  /** Records a conversion that had no touch. */
  leaveUnattributed(value: number): void {
    this.unattributed.conversions += 1;
    this.unattributed.revenue += value;
  }

  /** The finished result for `model`. */
  result(model: ModelId): AttributionResult {
    const keys = [...this.credits.keys()].sort();
    const credits = new Map(keys.map((k) => [k, this.credits.get(k)!]));
    return { model, credits, unattributed: { ...this.unattributed }, totals: { ...this.totals } };
  }
}

/** Touches sorted by time; ties keep their given order (Array#sort is stable). */
export function byTime<T extends { ts: number }>(touches: readonly T[]): T[] {
  return [...touches].sort((a, b) => a.ts - b.ts);
}
