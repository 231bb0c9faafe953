import type { AttributionInput, AttributionResult } from '../../../../analytics/attribution/index.js';
import type { Money } from '../channels/get-breakdown.js';
import type { AttributionPaths } from './load-attribution-paths.js';

/** Credit in conversions and in revenue per currency. */
export interface MoneyCredit {
  conversions: number;
  revenue: Money[];
}

/** A model's result with revenue kept per currency. */
export interface CurrencyAttribution {
  rows: ({ key: string } & MoneyCredit)[];
  /** Conversions with no touch in the lookback. */
  unattributed: MoneyCredit;
  totals: MoneyCredit;
}

/** Runs one attribution model on an input. */
export type ModelRun = (input: AttributionInput) => AttributionResult;

/**
 * Runs a model once per currency, each time with the values of the other currencies set to 0,
 * so revenue is attributed per currency and different currencies are never added. Every model
 * credits a conversion independently of its value (rule-based ones per conversion, data-driven
 * ones by channel shares), so the conversion counts are the same in every run.
 */
export function attributeByCurrency(run: ModelRun, paths: AttributionPaths): CurrencyAttribution {
  const currencies = [...new Set(paths.conversions.map((c) => c.currency).filter((c): c is string => c !== null))].sort();
  const base = run({ conversions: paths.conversions.map((c) => ({ ...c, value: 0 })), nonConverting: paths.nonConverting });
  const perCurrency = currencies.map((currency) => ({
    currency,
    result: run({
      conversions: paths.conversions.map((c) => ({ ...c, value: c.currency === currency ? c.value : 0 })),
      nonConverting: paths.nonConverting,
    }),
  }));
  const money = (pick: (r: AttributionResult) => number | undefined): Money[] =>
    perCurrency
      .map(({ currency, result }) => ({ currency, amount: round(pick(result) ?? 0, 4) }))
      .filter((m) => m.amount !== 0);
  return {
    rows: [...base.credits].map(([key, credit]) => ({
      key,
      conversions: round(credit.conversions, 9),
      revenue: money((r) => r.credits.get(key)?.revenue),
    })),
    unattributed: { conversions: base.unattributed.conversions, revenue: money((r) => r.unattributed.revenue) },
    totals: { conversions: base.totals.conversions, revenue: money((r) => r.totals.revenue) },
  };
}

/** Rounds away binary float noise (4 decimals for money: no currency has more minor units). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
