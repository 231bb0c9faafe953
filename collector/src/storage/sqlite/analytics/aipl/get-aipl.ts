import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { ratio } from '../../../../analytics/metrics/metric-types.js';
import { refreshDerived } from '../../../../analytics/sessions/refresh-derived.js';
import { fileStatement } from '../funnels/cached-statement.js';
import { periodBounds, periodCount } from '../retention/period-bounds.js';
import { AIPL_STAGES, DEFAULT_AIPL_RULES, type AiplRules, type AiplStageId } from './aipl-rules.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const DAY_MS = 86_400_000;

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
  const lookbackStart = Math.min(q.from, q.to - rules.loyalty.lookbackDays * DAY_MS);
  const months = monthBounds(lookbackStart, q.to, q.timeZone);
  const rows = fileStatement(db, DIR, 'aipl-stages').all({
    site: q.site, from: q.from, to: q.to, lookback_start: lookbackStart, month_bounds: JSON.stringify(months),
    awareness_events: JSON.stringify(rules.awareness.events),
    interest_events: JSON.stringify(rules.interest.events),
    interest_sessions: rules.interest.minSessions,
    purchase_conversions: rules.purchase.minConversions,
    loyal_conversions: rules.loyalty.minConversions,
    loyal_months: rules.loyalty.minMonths,
  }) as { stage: AiplStageId; persons: number }[];
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

/** Starts of the calendar months (site time zone) covering `[start, end)`, plus the end of the last. */
function monthBounds(start: number, end: number, timeZone: string): number[] {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));
  const first = day(start);
  const last = day(end - 1);
  return periodBounds(first, 'month', periodCount(first, last, 'month'), timeZone).starts;
}
