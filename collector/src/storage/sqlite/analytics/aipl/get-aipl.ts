import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { ratio } from '../../../../analytics/metrics/metric-types.js';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { cachedStatement } from '../funnels/cached-statement.js';
import { loadSql } from '../../load-sql.js';
import { aiplParams } from './aipl-params.js';
import { AIPL_STAGES, DEFAULT_AIPL_RULES, type AiplRules, type AiplStageId } from './aipl-rules.js';

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
  const rows = cachedStatement(db, BY_STAGE).all(aiplParams(q.site, q.from, q.to, q.timeZone, rules)) as { stage: AiplStageId; persons: number }[];
  const persons = (id: AiplStageId) => rows.find((r) => r.stage === id)?.persons ?? 0;
  const active = rows.reduce((sum, r) => sum + r.persons, 0);
  const stages = AIPL_STAGES.map((stage, i) => ({
    id: stage.id,
    name: stage.name,
    persons: persons(stage.id),
    reached: AIPL_STAGES.slice(i).reduce((sum, s) => sum + persons(s.id), 0),
    share: ratio(persons(stage.id), active),
  }));
  return { activePersons: active, stages, rules };
}
