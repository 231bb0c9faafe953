import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { cachedStatement } from '../funnels/cached-statement.js';
import { loadSql } from '../../load-sql.js';
import { aiplParams } from './aipl-params.js';
import { aiplReport, type AiplStageRow } from './aipl-report.js';
import { DEFAULT_AIPL_RULES, type AiplRules, type AiplStageId } from './aipl-rules.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
/** Persons per stage: the per-person stages, counted. */
const BY_STAGE = `SELECT stage, count(*) AS persons FROM (${loadSql(DIR, 'aipl-person-stages')}) GROUP BY stage`;

/** An AIPL request over `[from, to)` (epoch ms). */
export interface AiplQuery {
  site: string;
  from: number;
  to: number;
  timeZone: string;
  rules?: AiplRules;
}

/** Persons at one stage. */
export interface AiplStageCount {
  id: AiplStageId;
  name: { en: string; zh: string };
  /** Persons whose highest stage is this one. */
  persons: number;
  /** Persons at this stage or a higher one. */
  reached: number;
  /** persons / active persons. */
  share: number | null;
}

/** The AIPL report. */
export interface AiplReport {
  /** Persons with any (human) event in the range. */
  activePersons: number;
  stages: AiplStageCount[];
  rules: AiplRules;
}

/** Counts active persons per AIPL stage, in SQL. */
export function getAipl(db: Database.Database, q: AiplQuery): AiplReport {
  refreshDerived(db, q.site);
  const rules = q.rules ?? DEFAULT_AIPL_RULES;
  const rows = cachedStatement(db, BY_STAGE).all(aiplParams(q.site, q.from, q.to, q.timeZone, rules)) as AiplStageRow[];
  return aiplReport(rows, rules);
}
