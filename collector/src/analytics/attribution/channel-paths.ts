import { byTime } from './credit-ledger.js';
import type { AttributionInput } from './types.js';

/** A path as the data-driven models see it: keys in time order and whether it converted. */
export interface ChannelPath {
  keys: string[];
  converted: boolean;
  /** How many people (or conversions) followed this path. */
  count: number;
}

/**
 * Paths of `input` for the data-driven models: one per conversion with touches (count 1) and
 * one per non-converting path with touches. Paths without touches carry no information about
 * channels and are left out (touch-less conversions are reported as unattributed).
 */
export function collectChannelPaths(input: AttributionInput): ChannelPath[] {
  const paths: ChannelPath[] = [];
  for (const c of input.conversions) {
    if (c.touches.length > 0) paths.push({ keys: byTime(c.touches).map((t) => t.key), converted: true, count: 1 });
  }
  for (const p of input.nonConverting ?? []) {
    const count = p.count ?? 1;
    if (p.touches.length > 0 && count > 0) {
      paths.push({ keys: byTime(p.touches).map((t) => t.key), converted: false, count });
    }
  }
  return paths;
}

/** Drops consecutive repeats: A>A>B>A becomes A>B>A (the Markov chain has no self-loops). */
export function collapseRepeats(keys: readonly string[]): string[] {
  return keys.filter((k, i) => i === 0 || keys[i - 1] !== k);
}

/** Distinct keys of all paths, sorted, so channel indices never depend on input order. */
export function distinctKeys(paths: readonly ChannelPath[]): string[] {
  return [...new Set(paths.flatMap((p) => p.keys))].sort();
}
