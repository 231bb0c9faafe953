/**
 * ClickHouse's own `windowFunnel`, run as an aggregate in the per-unit GROUP BY, as a first pass
 * that spares most units the array program (chain-arrays.ts). windowFunnel gives only a level,
 * not the times of the steps, which the median time to convert and the breakdown need; but its
 * level in the default mode bounds the level of every definition from above (the strict modes and
 * exclusions only take chains away). A unit it puts below step 2 has reached exactly step 1: its
 * chain is its first step-1 event, and the program runs on just the events of that millisecond.
 * Only units that may reach step 2 go through the whole program.
 *
 * 18.16's windowFunnel takes UInt32 times, keeps chain starts in an Int32 and orders events of
 * one time as they arrive, so it is fed `second × steps + lowest step index`, seconds counted from
 * {range_start}: events of one second then come lowest step first, a chain whose steps are in
 * order stays in order, and a window of (window in s + 1) × steps lets through every chain within
 * the window in ms (and a few more: a bound is all that is needed). Where that cannot hold (a step
 * event matching two steps, or a range too long for an Int32) the pass is left out.
 */
import { windowMs, type FunnelDefinition } from '../../../sqlite/analytics/funnels/funnel-definition.js';
import type { Params } from '../../clickhouse-db.js';
import type { QueryLevel } from './chain-arrays.js';

/** The aggregates the grouped query adds, and the level that gives the program its `ev`. */
export interface FirstPass {
  aggregates: string;
  levels: QueryLevel[];
  params: Params;
}

const INT32_MAX = 2 ** 31 - 1;

/** The first pass for a funnel over step-1 events in [from, to), or the plain entry without it. */
export function firstPass(def: FunnelDefinition, from: number, to: number, useWindowFunnel: boolean): FirstPass {
  const K = def.steps.length;
  const windowS = windowMs(def.window) / 1000;
  const distinctSteps = new Set(def.steps.map((s) => s.event)).size === K;
  const fits = Math.floor((to + windowMs(def.window) - from) / 1000) * K + K <= INT32_MAX;
  if (!useWindowFunnel || !distinctSteps || !fits) return { aggregates: '', levels: [{ items: ['unit_events AS ev'] }], params: {} };
  const conditions = Array.from({ length: K }, (_, k) => `bitAnd(e_steps, ${2 ** k}) != 0`);
  const time = `toUInt32(intDiv(ts - {range_start:Int64}, 1000) * ${K} + least(e_rank, ${K - 1}))`;
  return {
    aggregates: `,
         windowFunnel({funnel_window:UInt64})(${time}, ${conditions.join(', ')}) AS w_level,
         minIf(ts, bitAnd(e_steps, 1) != 0) AS w_first_ts`,
    levels: [{
      items: [
        // Step-1 events come first among the events of their ms (rank 0). No lambda here may
        // read w_first_ts: 18.16 loses a subquery's column that an outer lambda captures.
        'arrayMap(e -> e.1, unit_events) AS w_t',
        'if(w_level < 2, arraySlice(unit_events, indexOf(w_t, w_first_ts), countEqual(w_t, w_first_ts)), unit_events) AS ev',
      ],
    }],
    params: { funnel_window: (windowS + 1) * K },
  };
}
