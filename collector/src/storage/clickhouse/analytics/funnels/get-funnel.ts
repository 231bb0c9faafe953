import type { FunnelChain } from '../../../sqlite/analytics/funnels/funnel-aggregate.js';
import type { FunnelQuery, FunnelReport } from '../../../sqlite/analytics/funnels/get-funnel.js';
import { summarizeFunnel } from '../../../sqlite/analytics/funnels/summarize-funnel.js';
import type { ClickHouseDb } from '../../clickhouse-db.js';
import { planFunnel, type PlanOptions } from './funnel-sql.js';

/** One unit's chain as funnel-chains.sql returns it (units that never reached step 1 are left out). */
interface ChainRow {
  times: number[];
  dim_value: string;
  dim_is_number: number;
}

/**
 * A funnel in ClickHouse: the same report as the SQLite engine's `getFunnel`. One grouped query
 * runs the window funnel per person (or session) in the database; only the chains of units that
 * entered come back, and the SQLite engine's own summarizeFunnel counts them. Reads derived rows
 * (persons, sessions) as they are: the caller refreshes them first.
 */
export async function getFunnel(ch: ClickHouseDb, query: FunnelQuery, options: PlanOptions = {}): Promise<FunnelReport> {
  const def = query.definition;
  const plan = planFunnel(query.site, query.from, query.to, def, options);
  const breakdown = def.breakdown !== undefined;
  const rows = await ch.rows<ChainRow>(plan.sql, plan.params);
  const chains = rows.map((r): FunnelChain => ({
    times: r.times,
    dim: breakdown ? (r.dim_is_number ? Number(r.dim_value) : r.dim_value) : null,
  }));
  return {
    countBy: def.countBy,
    mode: def.mode,
    window: def.window,
    breakdown: def.breakdown ?? null,
    ...summarizeFunnel(chains, def.steps, breakdown),
  };
}

/**
 * The bound SQL text that {@link getFunnel} runs for `query`, to run by hand or in a benchmark
 * (`clickhouse-client --query "$(…)"`, or `ch.rows(sql)`): one row per unit that entered the
 * funnel, with `times` (when each step of its deepest chain was reached) and its breakdown value.
 */
export function funnelSql(ch: ClickHouseDb, query: FunnelQuery, options: PlanOptions = {}): string {
  const plan = planFunnel(query.site, query.from, query.to, query.definition, options);
  return ch.prepare(plan.sql, plan.params);
}

/**
 * The bound SQL of `query` in the default mode, for the benchmark: what getFunnel runs, with
 * windowFunnel as the first pass over each unit (`windowFunnel: true`, the default), or the
 * array program alone (`windowFunnel: false`) to time the two against each other. Both return
 * the same rows. windowFunnel alone would give only each unit's level; the step times (median
 * time to convert) and the breakdown value come from the array program.
 */
export function defaultModeFunnelSql(ch: ClickHouseDb, query: FunnelQuery, options: PlanOptions = {}): string {
  return funnelSql(ch, { ...query, definition: { ...query.definition, mode: 'default' } }, options);
}
