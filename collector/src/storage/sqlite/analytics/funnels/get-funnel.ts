import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { cachedStatement, fileStatement } from './cached-statement.js';
import { runWithFunnelOptions, type FunnelChain } from './funnel-aggregate.js';
import { windowMs, type FunnelDefinition } from './funnel-definition.js';
import { planFunnel, type FunnelScan } from './funnel-sql.js';
import { summarizeFunnel, type FunnelSummary } from './summarize-funnel.js';

/** A funnel over the step-1 events of `[from, to)` (epoch ms) of a site. */
export interface FunnelQuery {
  site: string;
  from: number;
  to: number;
  definition: FunnelDefinition;
}

/** The funnel report: per-step figures, and per breakdown value when one was asked for. */
export interface FunnelReport extends FunnelSummary {
  countBy: FunnelDefinition['countBy'];
  mode: FunnelDefinition['mode'];
  window: FunnelDefinition['window'];
  breakdown: string | null;
}

/**
 * Computes a funnel in the database: derived rows are refreshed first, then one grouped query
 * runs the window-funnel aggregate per person (or session) and only the per-unit chains come
 * back to be counted.
 */
export function getFunnel(db: Database.Database, query: FunnelQuery): FunnelReport {
  refreshDerived(db, query.site);
  const def = query.definition;
  const plan = planFunnel(query.site, query.from, query.to, def, scanIndex(db, query));
  // Prepared inside: the aggregate must be registered on the connection before the SQL names it.
  const rows = runWithFunnelOptions(db, plan.options, () => cachedStatement(db, plan.sql).raw().all(plan.params) as [string, string][]);
  const chains = rows.map(([, chain]) => JSON.parse(chain) as FunnelChain);
  return {
    countBy: def.countBy,
    mode: def.mode,
    window: def.window,
    breakdown: def.breakdown ?? null,
    ...summarizeFunnel(chains, def.steps, def.breakdown !== undefined),
  };
}

const DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * Person order pays off when the range holds a good part of the site's events (no sort, no
 * table lookups); for a short range in a long history, reading only the range wins. The share
 * of the site's time span the scan covers stands in for the share of events. Sessions are not
 * in person order, so counting by session always reads the range.
 */
function scanIndex(db: Database.Database, query: FunnelQuery): FunnelScan {
  if (query.definition.countBy === 'session') return 'time';
  const span = fileStatement(db, DIR, 'site-time-span').get({ site: query.site }) as { first_ts: number | null; last_ts: number | null };
  if (span.first_ts === null || span.last_ts === null) return 'time';
  const covered = Math.min(span.last_ts + 1, query.to + windowMs(query.definition.window)) - Math.max(span.first_ts, query.from);
  return covered >= 0.25 * (span.last_ts + 1 - span.first_ts) ? 'person' : 'time';
}
