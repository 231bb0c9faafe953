/**
 * What a funnel is, as the API accepts it: steps (an event and property filters), a conversion
 * window, what is counted (persons or sessions), the matching mode, exclusions and a breakdown.
 * The same schema validates `POST /v1/funnels/query`, saved funnels and the OpenAPI document.
 */
import { z } from 'zod';
import { NAME_PATTERN } from '../../../../dictionary/events.js';
import { LIMITS } from '../../../../dictionary/limits.js';

/**
 * Event columns a filter may test, named with a `$` (PostHog's convention): a custom property
 * name cannot start with `$` (see NAME_PATTERN), so `$path` never clashes with a property.
 */
export const BUILT_IN_FIELDS = {
  $path: 'path',
  $url: 'url',
  $title: 'title',
  $referrer_host: 'referrer_host',
  $source: 'source',
  $medium: 'medium',
  $channel: 'channel',
  $utm_campaign: 'utm_campaign',
  $utm_content: 'utm_content',
  $utm_term: 'utm_term',
  $device_type: 'device_type',
  $browser: 'browser',
  $os: 'os',
  $platform: 'platform',
  $goal: 'goal',
  $revenue: 'revenue',
  $currency: 'currency',
} as const;
export type BuiltInField = keyof typeof BUILT_IN_FIELDS;

/** Filter operators. `contains` is a case-sensitive substring test; gt/lt compare numbers only. */
export const FILTER_OPS = ['eq', 'neq', 'in', 'contains', 'gt', 'lt'] as const;

/** Breakdowns that are not properties. */
export const BREAKDOWNS = ['channel', 'campaign', 'source_medium', 'device_type', 'browser', 'os'] as const;

const MINUTE_MS = 60_000;
const UNIT_MS = { minute: MINUTE_MS, hour: 60 * MINUTE_MS, day: 1440 * MINUTE_MS } as const;
const MAX_WINDOW_MS = 90 * UNIT_MS.day;

const EventName = z.string().min(1).max(LIMITS.nameLength).regex(NAME_PATTERN, 'must be an event name: a letter or _, then letters, digits, _ . $ -');
const Scalar = z.union([z.string().max(LIMITS.stringLength), z.number().finite(), z.boolean()]);

const PropName = z
  .string()
  .max(LIMITS.nameLength)
  .refine((p) => NAME_PATTERN.test(p) || p in BUILT_IN_FIELDS, {
    message: `must be a property name (a letter or _, then letters, digits, _ . $ -) or one of ${Object.keys(BUILT_IN_FIELDS).join(', ')}`,
  });

/** One property test. `neq` also matches events that lack the property. */
export const FunnelFilter = z
  .object({
    prop: PropName.meta({ description: 'Event property, or a built-in column such as $path, $channel, $revenue' }),
    op: z.enum(FILTER_OPS),
    value: z.union([Scalar, z.array(Scalar).min(1).max(100)]).meta({ description: 'A string, number or boolean; an array for `in`' }),
  })
  .strict()
  .superRefine((f, ctx) => {
    const problem = valueProblem(f.op, f.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function valueProblem(op: (typeof FILTER_OPS)[number], value: unknown): string | null {
  if (op === 'in') return Array.isArray(value) ? null : 'op "in" takes an array of values';
  if (Array.isArray(value)) return `op "${op}" takes one value; use op "in" for a list`;
  if ((op === 'gt' || op === 'lt') && typeof value !== 'number') return `op "${op}" compares numbers: the value must be a number`;
  if (op === 'contains' && typeof value !== 'string') return 'op "contains" looks for text: the value must be a string';
  return null;
}

const Filters = z.array(FunnelFilter).max(10);

/** A step: an event name and the filters its properties must pass. */
export const FunnelStep = z
  .object({
    event: EventName,
    filters: Filters.optional(),
    label: z.string().max(100).optional().meta({ description: 'Display name of the step' }),
  })
  .strict();

/** An event that breaks a chain between two steps (1-based, default the whole funnel). */
export const FunnelExclusion = z
  .object({
    event: EventName,
    filters: Filters.optional(),
    between: z.tuple([z.number().int().min(1), z.number().int().min(2)]).optional()
      .meta({ description: '[fromStep, toStep]: a chain that reached fromStep (or a later step before toStep) and has not reached toStep breaks' }),
  })
  .strict();

export const FunnelWindow = z
  .object({ value: z.number().int().min(1), unit: z.enum(['minute', 'hour', 'day']) })
  .strict()
  .refine((w) => w.value * UNIT_MS[w.unit] <= MAX_WINDOW_MS, { message: 'the window must be from 1 minute to 90 days' });

const Breakdown = z.union([
  z.enum(BREAKDOWNS),
  z.string().regex(/^prop:[A-Za-z_][A-Za-z0-9_.$-]{0,63}$/, 'must be prop:<property name>'),
]);

const definitionShape = {
  steps: z.array(FunnelStep).min(2).max(10),
  window: FunnelWindow.default({ value: 14, unit: 'day' }).meta({ description: 'Conversion window after the step-1 event (boundary included); default 14 days' }),
  countBy: z.enum(['person', 'session']).default('person'),
  mode: z.enum(['default', 'strict_order', 'strict_increase']).default('default'),
  exclusions: z.array(FunnelExclusion).max(10).optional(),
  breakdown: Breakdown.optional().meta({ description: 'Property attributed at step 1: channel, campaign, source_medium, device_type, browser, os or prop:<name>' }),
};

/** The steps of the funnel must be known before exclusion bounds can be checked. */
function checkExclusions(def: { steps: unknown[]; exclusions?: { between?: [number, number] }[] }, ctx: z.RefinementCtx): void {
  def.exclusions?.forEach((ex, i) => {
    const [from, to] = ex.between ?? [1, def.steps.length];
    if (from >= to || to > def.steps.length) {
      ctx.addIssue({ code: 'custom', path: ['exclusions', i, 'between'], message: `must be [from, to] with 1 ≤ from < to ≤ ${def.steps.length} (the number of steps)` });
    }
  });
}

/** A funnel definition without a date range: what a saved funnel stores. */
export const FunnelDefinition = z.object(definitionShape).strict().superRefine(checkExclusions).meta({ title: 'FunnelDefinition' });

export const DateOrDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .meta({ description: 'YYYY-MM-DD (a day in the site time zone) or an ISO date-time with offset' });

/** Body of `POST /v1/funnels/query`: a definition plus the site and the range of step-1 events. */
export const FunnelQueryBody = z
  .object({
    site: z.string().min(1),
    from: DateOrDateTime.meta({ description: 'Step-1 events from: a day (inclusive) or an instant (inclusive)' }),
    to: DateOrDateTime.meta({ description: 'Step-1 events until: a day (inclusive) or an instant (exclusive); later steps may follow within the window' }),
    ...definitionShape,
  })
  .strict()
  .superRefine(checkExclusions)
  .meta({ title: 'FunnelQuery' });

export type FunnelFilter = z.infer<typeof FunnelFilter>;
export type FunnelStep = z.infer<typeof FunnelStep>;
export type FunnelDefinition = z.infer<typeof FunnelDefinition>;
export type FunnelQueryBody = z.infer<typeof FunnelQueryBody>;

/** The window in ms. */
export function windowMs(window: FunnelDefinition['window']): number {
  return window.value * UNIT_MS[window.unit];
}
