import type Database from 'better-sqlite3';
import {
  firstTouch, lastNonDirect, lastTouch, linear, markov, MODEL_IDS, positionBased, shapley, timeDecay,
  type AttributionInput, type ModelId,
} from '../../../../analytics/attribution/index.js';
import { attributeByCurrency, type CurrencyAttribution, type ModelRun, type MoneyCredit } from './attribute-by-currency.js';
import { loadAttributionPaths, type AttributionKey, type AttributionPaths, type PathsQuery } from './load-attribution-paths.js';

const DAY_MS = 86_400_000;

/** An attribution query; `from`/`to` bound the conversions (epoch ms, `to` exclusive). */
export interface AttributionQuery {
  site: string;
  from: number;
  to: number;
  by: AttributionKey;
  /** Touches count if their session started at most this many days before the conversion. */
  lookbackDays: number;
  /** Half-life of the time-decay model, in days. */
  halfLifeDays: number;
}

/** One model's credits; `Σ rows + unattributed = totals` for conversions and each currency. */
export interface AttributionReport extends CurrencyAttribution {
  model: ModelId;
}

/** Every model side by side, all on the same paths: one row per key, each model's credit in it. */
export interface AttributionComparison {
  models: readonly ModelId[];
  rows: { key: string; credits: Record<ModelId, MoneyCredit> }[];
  /** The same for every model: conversions with no touch. */
  unattributed: MoneyCredit;
  totals: MoneyCredit;
}

/** The model functions by id, with the query's time-decay half-life. */
export function modelRun(model: ModelId, halfLifeDays: number): ModelRun {
  const runs: Record<ModelId, ModelRun> = {
    first_touch: firstTouch,
    last_touch: lastTouch,
    last_non_direct: lastNonDirect,
    linear,
    time_decay: (input: AttributionInput) => timeDecay(input, { halfLifeMs: halfLifeDays * DAY_MS }),
    position_based: positionBased,
    markov,
    shapley: (input: AttributionInput) => shapley(input),
  };
  return runs[model];
}

/** The paths an attribution query reads: its range, key and lookback (in ms). */
export function attributionPathsQuery(q: AttributionQuery): PathsQuery {
  return { site: q.site, from: q.from, to: q.to, by: q.by, lookbackMs: q.lookbackDays * DAY_MS };
}

/**
 * Attributes the counted conversions of a range to touch keys with one model. The paths are
 * read in SQL (touches within the lookback; non-converting paths, counted per distinct path);
 * the model runs in Node on those paths.
 */
export function getAttribution(db: Database.Database, q: AttributionQuery & { model: ModelId }): AttributionReport {
  return attributionReport(loadAttributionPaths(db, attributionPathsQuery(q)), q.model, q.halfLifeDays);
}

/** One model's credits on paths already read (by either storage engine). */
export function attributionReport(paths: AttributionPaths, model: ModelId, halfLifeDays: number): AttributionReport {
  return { model, ...attributeByCurrency(modelRun(model, halfLifeDays), paths) };
}

/** Every model on the same paths, so their credits can be compared row by row. */
export function getAttributionComparison(db: Database.Database, q: AttributionQuery): AttributionComparison {
  return compareAttribution(loadAttributionPaths(db, attributionPathsQuery(q)), q.halfLifeDays);
}

/** Every model side by side on paths already read (by either storage engine). */
export function compareAttribution(paths: AttributionPaths, halfLifeDays: number): AttributionComparison {
  const results = MODEL_IDS.map((model) => ({ model, ...attributeByCurrency(modelRun(model, halfLifeDays), paths) }));
  const keys = [...new Set(results.flatMap((r) => r.rows.map((row) => row.key)))].sort();
  const rows = keys.map((key) => {
    const credits = {} as Record<ModelId, MoneyCredit>;
    for (const r of results) {
      const row = r.rows.find((x) => x.key === key);
      credits[r.model] = row ? { conversions: row.conversions, revenue: row.revenue } : { conversions: 0, revenue: [] };
    }
    return { key, credits };
  });
  return { models: MODEL_IDS, rows, unattributed: results[0].unattributed, totals: results[0].totals };
}
