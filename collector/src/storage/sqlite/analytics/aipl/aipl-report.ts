import { ratio } from '../../../../analytics/metrics/metric-types.js';
import { AIPL_STAGES, type AiplRules, type AiplStageId } from './aipl-rules.js';
import type { AiplReport } from './get-aipl.js';

/** Persons whose highest stage is `stage` (a stage nobody reached has no row). */
export interface AiplStageRow {
  stage: AiplStageId;
  persons: number;
}

/** The AIPL report from the persons per stage, for both engines. */
export function aiplReport(rows: AiplStageRow[], rules: AiplRules): AiplReport {
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
