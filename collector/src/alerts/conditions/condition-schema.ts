import { z } from 'zod';
import type { AlertCondition } from './condition-types.js';

const MetricId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'metric ids are snake_case').optional()
  .meta({ description: "Metric id (metric dictionary or data-quality metric); default: the rule's metric" });
const Direction = z.enum(['up', 'down', 'either']).default('either');
const Inclusive = z.boolean().default(false).meta({ description: 'Whether a value exactly at the limit breaches (default false: limits are strict)' });
const Weeks = z.number().int().min(2).max(12).default(4).meta({ description: 'Past weeks in the baseline (same weekday and time)' });

const Threshold = z.object({
  type: z.literal('threshold'), metric: MetricId, op: z.enum(['above', 'below']), value: z.number(), inclusive: Inclusive,
}).strict();

const Change = z.object({
  type: z.literal('change'),
  metric: MetricId,
  compare: z.enum(['previous_period', 'same_weekday_last_week']),
  direction: Direction,
  mode: z.enum(['absolute', 'percent']),
  amount: z.number().nonnegative().meta({ description: 'Size of the change that breaches (a count, or percent points of change)' }),
  inclusive: Inclusive,
}).strict();

const Anomaly = z.object({
  type: z.literal('anomaly'),
  metric: MetricId,
  method: z.enum(['zscore', 'mad']).default('zscore'),
  weeks: Weeks,
  k: z.number().positive().max(100).default(3).meta({ description: 'Sensitivity: the score that breaches (strictly)' }),
  direction: Direction,
  minHistory: z.number().int().min(2).max(12).default(3),
}).strict().refine((c) => c.minHistory <= c.weeks, { message: 'minHistory cannot exceed weeks', path: ['minHistory'] });

const Baseline = z.object({
  type: z.literal('baseline'), metric: MetricId, weeks: Weeks, stat: z.enum(['median', 'mean']).default('median'),
  op: z.enum(['above', 'below']), value: z.number(), inclusive: Inclusive,
}).strict();

const Preset = z.discriminatedUnion('preset', [
  z.object({
    type: z.literal('preset'), preset: z.literal('bounce_rate_spike'),
    k: z.number().positive().max(100).default(3), weeks: Weeks, method: z.enum(['zscore', 'mad']).default('zscore'),
  }).strict(),
  z.object({
    type: z.literal('preset'), preset: z.literal('channel_sessions_zero'), weeks: Weeks,
    minBaseline: z.number().positive().default(10).meta({ description: 'Median sessions of the baseline needed for a drop to zero to count' }),
  }).strict(),
]);

/** Schema of a rule's condition (recursive through `all` / `any`, at most 5 levels deep). */
export const AlertConditionSchema: z.ZodType<AlertCondition, unknown> = z.lazy(() =>
  z.discriminatedUnion('type', [Threshold, Change, Anomaly, Baseline, Preset, Composite]).superRefine((c, ctx) => {
    if (depth(c) > 5) ctx.addIssue({ code: 'custom', message: 'conditions nest at most 5 levels deep' });
  }),
) as z.ZodType<AlertCondition, unknown>;

const Composite = z.object({
  type: z.enum(['all', 'any']),
  conditions: z.array(AlertConditionSchema).min(1).max(20),
}).strict();

function depth(c: AlertCondition): number {
  return c.type === 'all' || c.type === 'any' ? 1 + Math.max(...c.conditions.map(depth)) : 1;
}
