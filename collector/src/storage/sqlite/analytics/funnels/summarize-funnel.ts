/**
 * From the chain of every counting unit (one aggregated row per person or session) to the
 * figures of each step, overall and per breakdown value.
 */
import { ratio } from '../../../../analytics/metrics/metric-types.js';
import type { FunnelChain } from './funnel-aggregate.js';

/** Figures of one step. */
export interface FunnelStepFigures {
  /** 1-based. */
  step: number;
  event: string;
  label?: string;
  /** Units (persons or sessions) whose deepest chain reached this step. */
  entrants: number;
  /** entrants / entrants of step 1 (null when nobody entered). */
  conversionFromFirst: number | null;
  /** entrants / entrants of the previous step (step 1: 1, or null when nobody entered). */
  conversionFromPrevious: number | null;
  /** Entrants of the previous step that did not reach this one (0 for step 1). */
  dropOff: number;
  /**
   * Median time from step 1 to this step over the units that reached it, ms (mean of the two
   * middle values when their number is even); null for step 1 and when nobody reached it.
   */
  medianTimeToConvertMs: number | null;
}

/** Tallies of one group of units: reach counts and step-1-to-step-k durations. */
interface Tally {
  entrants: number[];
  durations: number[][];
}

/** The step list a summary is labelled with. */
export type StepNames = readonly { event: string; label?: string }[];

/** One breakdown group. */
export interface FunnelGroup {
  value: string | number;
  steps: FunnelStepFigures[];
}

/** Summary of a funnel's chains. */
export interface FunnelSummary {
  steps: FunnelStepFigures[];
  groups?: FunnelGroup[];
}

const OTHER = '(other)';

/** Summarizes chains; with a breakdown, groups by step-1 value (largest first, the tail merged). */
export function summarizeFunnel(chains: readonly FunnelChain[], names: StepNames, breakdown: boolean, maxGroups = 25): FunnelSummary {
  const total = newTally(names.length);
  const byValue = new Map<string | number, Tally>();
  for (const chain of chains) {
    if (chain.times.length === 0) continue;
    add(total, chain.times);
    if (!breakdown) continue;
    const key = chain.dim ?? '(not set)';
    let tally = byValue.get(key);
    if (!tally) byValue.set(key, (tally = newTally(names.length)));
    add(tally, chain.times);
  }
  const summary: FunnelSummary = { steps: figures(total, names) };
  if (breakdown) summary.groups = groupFigures(byValue, names, maxGroups);
  return summary;
}

function newTally(steps: number): Tally {
  return { entrants: new Array<number>(steps).fill(0), durations: Array.from({ length: steps }, () => []) };
}

function add(tally: Tally, times: readonly number[]): void {
  times.forEach((t, k) => {
    tally.entrants[k] += 1;
    tally.durations[k].push(t - times[0]);
  });
}

function groupFigures(byValue: Map<string | number, Tally>, names: StepNames, maxGroups: number): FunnelGroup[] {
  const sorted = [...byValue.entries()].sort(
    ([a, x], [b, y]) => y.entrants[0] - x.entrants[0] || String(a).localeCompare(String(b)),
  );
  const kept = sorted.slice(0, maxGroups);
  const rest = sorted.slice(maxGroups);
  if (rest.length) {
    const merged = newTally(names.length);
    for (const [, t] of rest) {
      t.entrants.forEach((n, k) => (merged.entrants[k] += n));
      t.durations.forEach((d, k) => merged.durations[k].push(...d));
    }
    kept.push([OTHER, merged]);
  }
  return kept.map(([value, tally]) => ({ value, steps: figures(tally, names) }));
}

function figures(tally: Tally, names: StepNames): FunnelStepFigures[] {
  return names.map((s, k) => ({
    step: k + 1,
    event: s.event,
    ...(s.label !== undefined ? { label: s.label } : {}),
    entrants: tally.entrants[k],
    conversionFromFirst: ratio(tally.entrants[k], tally.entrants[0]),
    conversionFromPrevious: ratio(tally.entrants[k], tally.entrants[k === 0 ? 0 : k - 1]),
    dropOff: k === 0 ? 0 : tally.entrants[k - 1] - tally.entrants[k],
    medianTimeToConvertMs: k === 0 ? null : median(tally.durations[k]),
  }));
}

/** The median; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
