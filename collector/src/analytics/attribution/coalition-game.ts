/**
 * The cooperative game behind Shapley attribution. Players are channels; paths are grouped by
 * their set of channels (order and repeats do not matter to a coalition). The value of a
 * coalition S is computed from the paths whose channel set is a subset of S:
 *  - `conversion_rate` (default): conversions ÷ paths among them (0 when there are none). This
 *    uses non-converting paths, so a channel that mostly appears on failing paths earns less.
 *  - `conversions`: the number of conversions among them (the "simplified Shapley" of Zhao et
 *    al. 2018). Its Shapley value has the closed form Σ over sets T ∋ i of conversions(T) / |T|.
 */
import { distinctKeys, type ChannelPath } from './channel-paths.js';

/** Which characteristic function the game uses. */
export type CoalitionValue = 'conversion_rate' | 'conversions';

/** Paths grouped by channel set. */
export interface ChannelSet {
  /** Player indices (sorted, distinct). */
  members: number[];
  conversions: number;
  paths: number;
}

/** The game: sorted players and the channel sets seen on paths. */
export interface CoalitionGame {
  players: string[];
  sets: ChannelSet[];
  value: CoalitionValue;
}

/** Groups paths by channel set. */
export function buildCoalitionGame(paths: readonly ChannelPath[], value: CoalitionValue): CoalitionGame {
  const players = distinctKeys(paths);
  const index = new Map(players.map((k, i) => [k, i]));
  const bySet = new Map<string, ChannelSet>();
  for (const path of paths) {
    const members = [...new Set(path.keys.map((k) => index.get(k)!))].sort((a, b) => a - b);
    const id = members.join(',');
    const set = bySet.get(id) ?? { members, conversions: 0, paths: 0 };
    set.paths += path.count;
    if (path.converted) set.conversions += path.count;
    bySet.set(id, set);
  }
  return { players, sets: [...bySet.values()], value };
}

/** Value of a coalition from the totals of the paths it covers. */
export function coalitionValue(game: CoalitionGame, conversions: number, paths: number): number {
  if (game.value === 'conversions') return conversions;
  return paths > 0 ? conversions / paths : 0;
}
