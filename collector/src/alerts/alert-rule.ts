/**
 * An alert rule as users write it (JSON over the API) and as it is stored. The schema applies
 * defaults, so a stored rule is complete; `alertRuleSchema(metricIds)` also checks metric ids.
 */
import { z } from 'zod';
import { MODEL_IDS, type ModelId } from '../analytics/attribution/index.js';
import { AlertConditionSchema } from './conditions/condition-schema.js';
import { type AlertCondition, isComposite } from './conditions/condition-types.js';
import { DeliveryChannelSchema } from './delivery/channel-schema.js';
import { filterProblem } from './metrics/metric-filters.js';
import { validateCron } from './schedule/cron-slots.js';
import { isTimeZone } from '../time/zoned-time.js';

/** Which slice of the site's traffic the rule watches; several dimensions narrow together (see docs/alerts.md). */
export const AlertFiltersSchema = z.object({
  channel: z.string().min(1).max(100).optional().meta({ description: 'Default channel group of the session, e.g. "Paid Search"' }),
  campaign: z.string().min(1).max(200).optional().meta({ description: 'utm_campaign of the session' }),
  source_medium: z.string().min(1).max(200).optional().meta({ description: '"source / medium" of the session, e.g. "baidu / cpc"' }),
  content: z.string().min(1).max(256).optional().meta({ description: 'utm_content (the creative) of the session' }),
  device_type: z.string().min(1).max(50).optional(),
  funnel: z.object({ id: z.string().min(1).max(100), step: z.number().int().min(1).max(10) }).strict().optional()
    .meta({ description: 'A saved funnel and step, for the funnel_* metrics' }),
}).strict();
export type AlertFilters = z.infer<typeof AlertFiltersSchema>;

/** The window a slot looks at: the `size` last complete units before the slot, in the rule's time zone. */
export const AlertWindowSchema = z.object({
  unit: z.enum(['minute', 'hour', 'day', 'week']),
  size: z.number().int().min(1).max(366),
}).strict();
export type AlertWindow = z.infer<typeof AlertWindowSchema>;

/** The attribution the ROI metrics (roi, roas, cpa) are read under, as in `GET /v1/reports/roi`. */
export const DEFAULT_ATTRIBUTION = { model: 'last_non_direct', lookbackDays: 30, halfLifeDays: 7 } as const satisfies { model: ModelId; lookbackDays: number; halfLifeDays: number };

const Attribution = z.object({
  model: z.enum(MODEL_IDS as [ModelId, ...ModelId[]]).default(DEFAULT_ATTRIBUTION.model),
  lookbackDays: z.number().int().min(1).max(365).default(DEFAULT_ATTRIBUTION.lookbackDays),
  halfLifeDays: z.number().positive().max(365).default(DEFAULT_ATTRIBUTION.halfLifeDays).meta({ description: 'Half-life of the time_decay model' }),
}).strict().meta({ description: 'Attribution model of the roi, roas and cpa metrics' });
export type AlertAttribution = z.infer<typeof Attribution>;

const Lifecycle = z.object({
  consecutive: z.number().int().min(1).max(100).default(1).meta({ description: 'Breaches in a row before the rule fires' }),
  cooldownMinutes: z.number().int().min(0).max(60 * 24 * 30).default(60).meta({ description: 'After a firing, no new firing for this long (counted in slot time)' }),
  notifyRecovery: z.boolean().default(true),
}).strict();

const BaseRule = z.object({
  site: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  metric: z.string().min(1),
  filters: AlertFiltersSchema.default({}),
  window: AlertWindowSchema.default({ unit: 'day', size: 1 }),
  condition: AlertConditionSchema,
  minVolume: z.object({
    metric: z.string().default('sessions'),
    min: z.number().nonnegative(),
  }).strict().optional().meta({ description: 'Below this volume in the current window the slot is skipped, not judged' }),
  attribution: Attribution.default({ ...DEFAULT_ATTRIBUTION }),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().meta({ description: 'Currency of money metrics when the site has several' }),
  schedule: z.object({ cron: z.string().min(1).max(100) }).strict(),
  timezone: z.string().optional().meta({ description: "IANA time zone of windows and schedule; default: the site's" }),
  lifecycle: Lifecycle.default({ consecutive: 1, cooldownMinutes: 60, notifyRecovery: true }),
  channels: z.array(DeliveryChannelSchema).max(10).default([]),
  enabled: z.boolean().default(true),
}).strict();

/** A validated rule definition (defaults applied). */
export type AlertRuleDefinition = Omit<z.infer<typeof BaseRule>, 'condition' | 'attribution'> & {
  condition: AlertCondition;
  /** Set by the schema; absent on rules stored before it existed, which read DEFAULT_ATTRIBUTION. */
  attribution?: AlertAttribution;
};

/** A stored rule: its definition with id and times. */
export interface AlertRule extends AlertRuleDefinition {
  id: string;
  /** IANA time zone, always set on a stored rule. */
  timezone: string;
  createdAt: number;
  updatedAt: number;
}

/** The rule schema; metric ids are checked against `isAlertable` so a typo is reported at once. */
export function alertRuleSchema(isAlertable: (metric: string) => boolean, alertable: () => string[]) {
  return BaseRule.superRefine((rule, ctx) => {
    const bad = (path: (string | number)[], metric: string) =>
      ctx.addIssue({ code: 'custom', path, message: `metric "${metric}" cannot be watched by alerts; use one of ${alertable().join(', ')}` });
    const used = new Set([rule.metric]);
    if (!isAlertable(rule.metric)) bad(['metric'], rule.metric);
    if (rule.minVolume) used.add(rule.minVolume.metric);
    if (rule.minVolume && !isAlertable(rule.minVolume.metric)) bad(['minVolume', 'metric'], rule.minVolume.metric);
    forEachLeafMetric(rule.condition as AlertCondition, ['condition'], (metric, path) => {
      used.add(metric);
      if (!isAlertable(metric)) bad(path, metric);
    });
    for (const metric of used) {
      const problem = filterProblem(metric, rule.filters);
      if (problem) ctx.addIssue({ code: 'custom', path: ['filters'], message: problem });
    }
    const cronProblem = validateCron(rule.schedule.cron, rule.timezone ?? 'UTC');
    if (cronProblem) ctx.addIssue({ code: 'custom', path: ['schedule', 'cron'], message: cronProblem });
    if (rule.timezone && !isTimeZone(rule.timezone)) ctx.addIssue({ code: 'custom', path: ['timezone'], message: 'not an IANA time zone (e.g. "Asia/Shanghai")' });
    checkPresets(rule.condition as AlertCondition, rule.filters, ['condition'], ctx);
  });
}

function forEachLeafMetric(c: AlertCondition, path: (string | number)[], visit: (metric: string, path: (string | number)[]) => void): void {
  if (isComposite(c)) c.conditions.forEach((child, i) => forEachLeafMetric(child, [...path, 'conditions', i], visit));
  else if (c.type !== 'preset' && c.metric) visit(c.metric, [...path, 'metric']);
}

function checkPresets(c: AlertCondition, filters: AlertFilters, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (isComposite(c)) c.conditions.forEach((child, i) => checkPresets(child, filters, [...path, 'conditions', i], ctx));
  else if (c.type === 'preset' && c.preset === 'channel_sessions_zero' && !filters.channel) {
    ctx.addIssue({ code: 'custom', path: [...path, 'preset'], message: 'the channel_sessions_zero preset needs filters.channel (the channel to watch)' });
  }
}
