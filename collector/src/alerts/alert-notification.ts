/** The body of a notification: what every channel formats, and what the generic webhook sends as is. */
import type { AlertRule } from './alert-rule.js';
import type { ConditionResult } from './conditions/evaluate-condition.js';
import type { RuleEvaluation } from './evaluate-rule.js';
import { alertMetricDefinition } from './metrics/engine-metric-source.js';
import type { BilingualText, MetricUnit } from '../analytics/metrics/metric-types.js';

/** A notification about a lifecycle event. */
export interface AlertNotification {
  /** `alert.fired` when a rule starts firing, `alert.recovered` when its metric is back in bounds. */
  type: 'alert.fired' | 'alert.recovered';
  site: string;
  rule: { id: string; name: string };
  incidentId: string;
  metric: { id: string; name: BilingualText; unit: MetricUnit };
  /** The metric in the window (null when undefined). */
  value: number | null;
  /** The window read, as ISO instants, and the rule's time zone. */
  window: { start: string; end: string; timezone: string };
  /** The slot evaluated (ISO). */
  slot: string;
  condition: ConditionResult | null;
}

/** The notification for `type` from an evaluation. */
export function buildNotification(type: AlertNotification['type'], rule: AlertRule, incidentId: string, e: RuleEvaluation): AlertNotification {
  const def = alertMetricDefinition(rule.metric);
  return {
    type,
    site: rule.site,
    rule: { id: rule.id, name: rule.name },
    incidentId,
    metric: { id: rule.metric, name: def?.name ?? { en: rule.metric, zh: rule.metric }, unit: def?.unit ?? 'count' },
    value: e.value,
    window: { start: new Date(e.window.start).toISOString(), end: new Date(e.window.end).toISOString(), timezone: rule.timezone },
    slot: new Date(e.slot).toISOString(),
    condition: e.condition,
  };
}
