import { z } from 'zod';
import type { ConditionTree } from './channel-rules.js';
import { formatZodIssues } from './format-zod-issues.js';

const FIELD = z.enum(['source', 'medium', 'campaign']).describe('Traffic field the condition tests');
const CATEGORY = z.enum(['search', 'social', 'video', 'shopping', 'ai']);
const TEXT = z.string().trim().min(1).max(256);
const SCENE_KEY = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/);

const isValidRegex = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
};

const Condition = z.discriminatedUnion('op', [
  z.strictObject({ field: FIELD, op: z.literal('equals'), value: TEXT }),
  z.strictObject({ field: FIELD, op: z.literal('in'), values: z.array(TEXT).min(1) }),
  z.strictObject({
    field: FIELD,
    op: z.literal('regex'),
    pattern: z.string().min(1).max(512).refine(isValidRegex, 'must be a valid JavaScript regular expression (matched case-insensitively)'),
  }),
  z.strictObject({ field: FIELD, op: z.literal('contains'), value: TEXT }),
  z.strictObject({ field: FIELD, op: z.literal('endsWith'), value: TEXT }),
  z.strictObject({ field: z.literal('source'), op: z.literal('sourceCategory'), category: CATEGORY }),
]);

/** A condition, or `{all: [...]}` / `{any: [...]}` of conditions. */
export const ConditionTreeSchema: z.ZodType<ConditionTree> = z.lazy(() =>
  z.union([
    Condition,
    z.strictObject({ all: z.array(ConditionTreeSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionTreeSchema).min(1) }),
  ]),
);

/** One site rule: traffic matching `when` goes to `channel`. */
export const ChannelRuleSchema = z.strictObject({
  channel: z.string().trim().min(1).max(64).describe('Channel name, a default one or the site\'s own'),
  when: ConditionTreeSchema,
});

const SiteList = z.record(TEXT, z.array(TEXT)).describe('Canonical source name → host names and aliases (`name.*` = any country domain)');

/**
 * A site's additions to the default channel rules, as carried by the collector configuration.
 * Site rules run before the defaults; site source categories and scenes add to (and, for the same
 * alias or scene, replace) the defaults.
 */
export const ChannelRulesOverride = z.strictObject({
  version: TEXT.optional().describe('Names the site\'s rule version; appended to the default version'),
  rules: z.array(ChannelRuleSchema).optional().describe('Rules evaluated before the default rules, in order'),
  sourceCategories: z
    .strictObject(
      { search: SiteList, social: SiteList, video: SiteList, shopping: SiteList, ai: SiteList },
      { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown category ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}; allowed: ${CATEGORY.options.join(', ')}` : undefined) },
    )
    .partial()
    .optional(),
  scenes: z
    .record(SCENE_KEY, z.strictObject({ source: TEXT, medium: TEXT, label: TEXT.optional() }), {
      error: (iss) => (iss.code === 'invalid_key' ? 'scene keys are launch scene values: 1-32 letters, digits, "_" or "-", such as "1007"' : undefined),
    })
    .optional()
    .describe('Mini-program launch scene → source and medium'),
  fallback: z.string().trim().min(1).max(64).optional().describe('Channel when no rule matches (default Unassigned)'),
});

/** A site's additions to the default channel rules. */
export type ChannelRulesOverride = z.infer<typeof ChannelRulesOverride>;

/**
 * Parses a channel-rules override, throwing an error that lists every problem with its JSON
 * pointer (relative to the override object), e.g. `/rules/0/when/pattern: must be a valid …`.
 */
export function parseChannelRulesOverride(value: unknown): ChannelRulesOverride {
  const parsed = ChannelRulesOverride.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid channel rules override:\n${formatZodIssues(parsed.error.issues).join('\n')}`);
}
