/**
 * Fills the funnel-chains.sql template from a definition: the slots get compiled expressions,
 * the values go into named parameters.
 */
import { fileURLToPath } from 'node:url';
import type { WindowFunnelOptions } from '../../../../analytics/funnels/funnel-options.js';
import { loadSql } from '../../load-sql.js';
import { compileCondition, compileMask, type CompiledSql, type EventCondition } from './compile-conditions.js';
import { windowMs, type FunnelDefinition } from './funnel-definition.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const TEMPLATE = loadSql(DIR, 'funnel-chains');

/** Session columns of the breakdowns taken from the session of the step-1 event (entry attribution). */
const SESSION_DIMENSIONS: Record<string, string> = {
  channel: 's.channel',
  campaign: 's.campaign',
  source_medium: "s.source || ' / ' || s.medium",
};
/** Breakdowns taken from the step-1 event's own columns. */
const EVENT_DIMENSIONS: Record<string, string> = { device_type: 'e.device_type', browser: 'e.browser', os: 'e.os' };

/** The value of a missing dimension, as in the other reports. */
export const NOT_SET = '(not set)';

/**
 * Which index the scan reads. `person`: the covering (site, person_id, ts, …) index, in the
 * order of GROUP BY person_id — best when the range covers much of the site's history. `time`:
 * the (site, ts) index, reading only the range but sorting it — best for a short range.
 */
export type FunnelScan = 'person' | 'time';

const INDEX_HINT: Record<FunnelScan, string> = {
  person: 'INDEXED BY events_site_person_funnel',
  time: 'INDEXED BY events_site_ts',
};

/** SQL, parameters and the aggregate's options for one funnel over `[from, to)`. */
export interface FunnelPlan extends CompiledSql {
  options: WindowFunnelOptions;
}

/** Builds the query of a funnel over step-1 events in `[from, to)` (epoch ms). */
export function planFunnel(site: string, from: number, to: number, def: FunnelDefinition, scan: FunnelScan = 'time'): FunnelPlan {
  const window = windowMs(def.window);
  const exclusions = def.exclusions ?? [];
  const steps = compileMask('s', def.steps, 'e.ts < @range_end');
  const excl = compileMask('x', exclusions);
  const dim = dimensionSql(def.breakdown, def.steps[0]);
  const names = [...new Set([...def.steps, ...exclusions].map((c) => c.event))];
  const sql = TEMPLATE
    .replace('/*index*/', INDEX_HINT[scan])
    .replace('/*unit*/', def.countBy === 'session' ? 'e.session_key' : 'e.person_id')
    .replace('/*step_mask*/', steps.sql)
    .replace('/*exclusion_mask*/', excl.sql)
    .replace('/*dimension*/', dim.sql);
  const params = {
    ...steps.params, ...excl.params, ...dim.params,
    site, range_start: from, range_end: to, scan_end: to + window,
    event_names: JSON.stringify(names),
    all_events: def.mode === 'strict_order' ? 1 : 0,
  };
  const options: WindowFunnelOptions = {
    window,
    steps: def.steps.length,
    modes: def.mode === 'default' ? [] : [def.mode],
    exclusions: exclusions.map((x) => {
      const [from, to] = x.between ?? [1, def.steps.length];
      return { from, to };
    }),
  };
  return { sql, params, options };
}

/**
 * The breakdown value, computed for step-1 events only (the CASE keeps the session lookup off
 * every other row). Channel, campaign and source / medium are the session's entry attribution:
 * a step-1 event in the middle of a visit carries an internal referrer, not the visit's source.
 */
function dimensionSql(breakdown: string | undefined, first: EventCondition): CompiledSql {
  if (!breakdown) return { sql: 'NULL', params: {} };
  const params: CompiledSql['params'] = { not_set: NOT_SET };
  let value: string;
  if (breakdown in SESSION_DIMENSIONS) {
    value = `(SELECT ${SESSION_DIMENSIONS[breakdown]} FROM sessions s WHERE s.site = e.site AND s.session_key = e.session_key)`;
  } else if (breakdown in EVENT_DIMENSIONS) {
    value = EVENT_DIMENSIONS[breakdown];
  } else {
    params.dim_path = `$."${breakdown.slice('prop:'.length)}"`;
    value = 'json_extract(e.props, @dim_path)';
  }
  const isStepOne = compileCondition('d', first, params);
  return { sql: `CASE WHEN ${isStepOne} THEN coalesce(${value}, @not_set) END`, params };
}
