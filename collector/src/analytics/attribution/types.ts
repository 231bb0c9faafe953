/**
 * Shapes shared by every attribution model. Touches are the sessions of a person inside the
 * lookback window before a conversion; the caller has already filtered them to that window.
 */

/** One touchpoint on a path to conversion. */
export interface Touch {
  /** What gets the credit: a channel, `source / medium`, or a campaign name. */
  key: string;
  /** When the touch (session start) happened, epoch ms. */
  ts: number;
  /** True for direct traffic; last-non-direct skips these when it can. */
  direct: boolean;
}

/** A conversion and the touches that led to it, oldest first. */
export interface Conversion {
  /** Revenue of the conversion (≥ 0; 0 for goals without a value). */
  value: number;
  /** When the conversion happened, epoch ms. */
  ts: number;
  /** Touches in the lookback window, ordered by time (re-sorted defensively). */
  touches: readonly Touch[];
}

/**
 * A path that did not end in a conversion. Only the data-driven models (Markov, Shapley) read
 * these: they need to know how often a channel appears on paths that fail.
 */
export interface NonConvertingPath {
  touches: readonly Touch[];
  /** How many people followed this exact path (default 1), so callers can pre-aggregate. */
  count?: number;
}

/** Everything a model needs. */
export interface AttributionInput {
  conversions: readonly Conversion[];
  /** Paths without a conversion; default none. */
  nonConverting?: readonly NonConvertingPath[];
}

/** Credit given to one key (or left unattributed). Fractions of conversions are normal. */
export interface Credit {
  conversions: number;
  revenue: number;
}

/** Identifiers of the models Maidian offers. */
export type ModelId =
  | 'first_touch'
  | 'last_touch'
  | 'last_non_direct'
  | 'linear'
  | 'time_decay'
  | 'position_based'
  | 'markov'
  | 'shapley';

/** Output of one model. `Σ credits + unattributed = totals` (within float rounding). */
export interface AttributionResult {
  model: ModelId;
  /** Credit per key, keys sorted alphabetically so output order never depends on input order. */
  credits: Map<string, Credit>;
  /** Conversions that had no touch at all. */
  unattributed: Credit;
  /** All conversions and all revenue of the input. */
  totals: Credit;
}
