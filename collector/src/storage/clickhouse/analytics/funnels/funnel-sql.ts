/**
 * Fills the funnel-chains.sql template from a definition, as the SQLite engine's funnel-sql.ts
 * does: the slots get compiled expressions, the values go into `{name:Type}` parameters.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Params } from '../../clickhouse-db.js';
import { windowMs, type FunnelDefinition } from '../../../sqlite/analytics/funnels/funnel-definition.js';
import { NOT_SET } from '../../../sqlite/analytics/funnels/funnel-sql.js';
import { chainLevels } from './chain-arrays.js';
import { firstPass } from './window-funnel-filter.js';
import { compileMask, propsSource, rawProperty, type CompiledSql, type EventCondition } from './compile-conditions.js';

const TEMPLATE = readFileSync(fileURLToPath(new URL('./funnel-chains.sql', import.meta.url)), 'utf8');

/** Breakdowns read from the session of the step-1 event (entry attribution), after the join. */
const SESSION_DIMENSIONS: Record<string, string> = {
  channel: 's_channel',
  campaign: 's_campaign',
  source_medium: 's_source_medium',
};
/** Breakdowns taken from the step-1 event's own columns. */
const EVENT_DIMENSIONS: Record<string, string> = { device_type: 'device_type', browser: 'browser', os: 'os' };

const SESSION_JOIN = `GLOBAL ANY LEFT JOIN (
    SELECT toNullable(session_key) AS session_key, channel AS s_channel, campaign AS s_campaign,
           concat(source, ' / ', medium) AS s_source_medium, toUInt8(1) AS s_found
    FROM {table:sessions} FINAL
    WHERE site = {site:String} AND deleted = 0
  ) USING session_key`;

/** How the query is built. */
export interface PlanOptions {
  /**
   * Run ClickHouse's windowFunnel as a first pass (default true): units it puts below step 2 skip
   * the array program (see window-funnel-filter.ts). false: the array program alone, for
   * comparison; the answer is the same.
   */
  windowFunnel?: boolean;
}

/** Builds the query of a funnel over step-1 events in `[from, to)` (epoch ms). */
export function planFunnel(site: string, from: number, to: number, def: FunnelDefinition, options: PlanOptions = {}): CompiledSql {
  const window = windowMs(def.window);
  const exclusions = def.exclusions ?? [];
  const steps = compileMask('s', def.steps, '(ts < {range_end:Int64})');
  const excl = compileMask('x', exclusions);
  const dim = dimensionSql(def.breakdown, def.steps[0]);
  const names = [...new Set([...def.steps, ...exclusions].map((c) => c.event))];
  const useWindowFunnel = options.windowFunnel ?? true;
  const first = firstPass(def, from, to, useWindowFunnel);
  const levels = [...first.levels, ...chainLevels({
    steps: def.steps.length,
    mode: def.mode,
    exclusions: exclusions.map((x) => ({ from: x.between?.[0] ?? 1, to: x.between?.[1] ?? def.steps.length })),
    breakdown: def.breakdown !== undefined,
  })];
  const slots: Record<string, string> = {
    unit: def.countBy === 'session' ? 'session_key' : 'person_id',
    rank: rankSql(def.steps.length),
    step_mask: steps.sql,
    exclusion_mask: excl.sql,
    dimension: dim.sql,
    first_pass: first.aggregates,
    session_join: def.breakdown !== undefined && def.breakdown in SESSION_DIMENSIONS ? SESSION_JOIN : '',
    chain: levels.map((l) => `(SELECT *, ${l.items.join(', ')} FROM `).reverse().join('\n'),
    chain_end: levels.map((l) => (l.where ? ` WHERE ${l.where})` : ')')).join(''),
  };
  // A function, not a string: `$` in a replacement string is a pattern (regexes hold `$'`).
  const sql = TEMPLATE.replace(/\/\*([a-z_]+)\*\//g, (slot, name: string) => slots[name] ?? slot);
  const params: Params = {
    ...steps.params, ...excl.params, ...dim.params, ...first.params,
    site, range_start: from, range_end: to, scan_end: to + window, window,
    event_names: names,
    all_events: def.mode === 'strict_order' ? 1 : 0,
  };
  return { sql, params };
}

/** compareFunnelEvents' rank: the lowest step matched; 32 for exclusions only; 33 for neither. */
function rankSql(steps: number): string {
  const arms = Array.from({ length: steps }, (_, k) => `bitAnd(e_steps, ${2 ** k}) != 0, ${k}`);
  return `toUInt8(multiIf(${arms.join(', ')}, e_excl != 0, 32, 33)) AS e_rank`;
}

/**
 * The breakdown value of a step-1 event, as (text, is a number): SQLite's json_extract gives
 * numbers and booleans (1/0) as numbers, which group apart from the same digits as a string.
 * Channel, campaign and source / medium are the session's entry attribution.
 */
function dimensionSql(breakdown: string | undefined, first: EventCondition): CompiledSql {
  if (!breakdown) return { sql: '', params: {} };
  const params: Params = { not_set: NOT_SET };
  const notSet = '{not_set:String}';
  let value: string;
  let isNumber = 'toUInt8(0)';
  if (breakdown in SESSION_DIMENSIONS) {
    value = `if(s_found = 1, ifNull(${SESSION_DIMENSIONS[breakdown]}, ${notSet}), ${notSet})`;
  } else if (breakdown in EVENT_DIMENSIONS) {
    value = `ifNull(${EVENT_DIMENSIONS[breakdown]}, ${notSet})`;
  } else {
    const raw = rawProperty('dim', breakdown.slice('prop:'.length), first.event, params);
    const str = `visitParamExtractString(${propsSource(first.event)}, {dim_path:String})`;
    const missing = `${raw} IN ('', 'null')`;
    value = `multiIf(${missing}, ${notSet}, startsWith(${raw}, '"'), ${str}, ${raw} = 'true', '1', ${raw} = 'false', '0', ${raw})`;
    isNumber = `toUInt8(NOT (${missing} OR startsWith(${raw}, '"')))`;
  }
  // Only step-1 events carry a value (the CASE of the SQLite engine); the chain reads no other.
  return { sql: `, if(bitAnd(e_steps, 1) != 0, (${value}, ${isNumber}), ('', toUInt8(0)))`, params };
}
