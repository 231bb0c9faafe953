import { fileURLToPath } from 'node:url';
import { aiplParams } from '../../../sqlite/analytics/aipl/aipl-params.js';
import { aiplReport, type AiplStageRow } from '../../../sqlite/analytics/aipl/aipl-report.js';
import { DEFAULT_AIPL_RULES, type AiplRules } from '../../../sqlite/analytics/aipl/aipl-rules.js';
import type { AiplQuery, AiplReport } from '../../../sqlite/analytics/aipl/get-aipl.js';
import type { ClickHouseDb, Params } from '../../clickhouse-db.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * The parameters of aipl-person-stages.sql: those of the SQLite engine (aipl-params.ts: the same
 * lookback and calendar months in the site time zone), with its JSON arrays as ClickHouse arrays.
 */
export function chAiplParams(site: string, from: number, to: number, timeZone: string, rules: AiplRules): Params {
  const p = aiplParams(site, from, to, timeZone, rules) as Record<string, string | number>;
  const array = (name: string) => JSON.parse(p[name] as string) as (string | number)[];
  return { ...p, month_bounds: array('month_bounds'), awareness_events: array('awareness_events'), interest_events: array('interest_events') };
}

/**
 * Counts active persons per AIPL stage in ClickHouse: the same report as the SQLite engine's
 * `getAipl`, built from the rows by the same code (aiplReport). Reads derived rows as they are:
 * the caller refreshes them first.
 */
export async function getAipl(ch: ClickHouseDb, q: AiplQuery): Promise<AiplReport> {
  const rules = q.rules ?? DEFAULT_AIPL_RULES;
  const byStage = `SELECT stage, count() AS persons FROM (${ch.sql(DIR, 'aipl-person-stages')}) GROUP BY stage`;
  const rows = await ch.rows<AiplStageRow>(byStage, chAiplParams(q.site, q.from, q.to, q.timeZone, rules));
  return aiplReport(rows, rules);
}
