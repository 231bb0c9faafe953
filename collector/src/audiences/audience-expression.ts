/**
 * An audience as a boolean expression over tags and event conditions (AND, OR, NOT, nested).
 * A `type` field names each node, so a mistake is reported at its own JSON pointer.
 */
import { z } from 'zod';
import { NAME_PATTERN } from '../dictionary/events.js';
import { LIMITS } from '../dictionary/limits.js';
import { FunnelFilter } from '../storage/sqlite/analytics/funnels/funnel-definition.js';
import { DefinitionId } from './tag-schema.js';

const TagValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/** A person has tag `tag` (exists), with a value (eq), without it (neq), or one of several (in). */
export const TagCondition = z.object({
  type: z.literal('tag'),
  tag: DefinitionId,
  op: z.enum(['exists', 'eq', 'neq', 'in']).default('exists').meta({ description: 'neq also holds for persons without the tag' }),
  value: z.union([TagValue, z.array(TagValue).min(1).max(100)]).optional(),
}).strict().superRefine((c, ctx) => {
  const list = Array.isArray(c.value);
  if (c.op === 'exists' && c.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'op "exists" takes no value' });
  if ((c.op === 'eq' || c.op === 'neq') && (c.value === undefined || list)) ctx.addIssue({ code: 'custom', path: ['value'], message: `op "${c.op}" needs one value` });
  if (c.op === 'in' && !list) ctx.addIssue({ code: 'custom', path: ['value'], message: 'op "in" needs an array of values' });
});

/** Did `event` (with filters) at least `minCount` times in the last `days` days. */
export const EventCondition = z.object({
  type: z.literal('event'),
  event: z.string().min(1).max(LIMITS.nameLength).regex(NAME_PATTERN, 'must be an event name'),
  filters: z.array(FunnelFilter).max(10).optional(),
  minCount: z.number().int().min(1).max(1_000_000).default(1),
  days: z.number().int().min(1).max(1096),
}).strict();

/** A node of the expression. */
export type Expression =
  | z.infer<typeof TagCondition>
  | z.infer<typeof EventCondition>
  | { type: 'and' | 'or'; of: Expression[] }
  | { type: 'not'; of: Expression };

const MAX_DEPTH = 8;
const MAX_NODES = 100;

const And = z.object({ type: z.literal('and'), get of() { return z.array(ExpressionNode).min(1).max(20); } }).strict();
const Or = z.object({ type: z.literal('or'), get of() { return z.array(ExpressionNode).min(1).max(20); } }).strict();
const Not = z.object({ type: z.literal('not'), get of() { return ExpressionNode; } }).strict();

/** One node, recursive (registered by name in the OpenAPI document). */
export const ExpressionNode: z.ZodType<Expression> = z.discriminatedUnion('type', [TagCondition, EventCondition, And, Or, Not]);

/** The whole expression: nodes plus limits on its size. */
export const AudienceExpression = ExpressionNode.superRefine((e, ctx) => {
  const { depth, nodes } = measure(e);
  if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', message: `nested ${depth} levels deep; at most ${MAX_DEPTH} are allowed` });
  if (nodes > MAX_NODES) ctx.addIssue({ code: 'custom', message: `has ${nodes} nodes; at most ${MAX_NODES} are allowed` });
}).meta({ title: 'AudienceExpression', description: 'tag | event | and | or | not, nested' });

function measure(e: Expression): { depth: number; nodes: number } {
  if (e.type === 'tag' || e.type === 'event') return { depth: 1, nodes: 1 };
  const children = (Array.isArray(e.of) ? e.of : [e.of]).map(measure);
  return { depth: 1 + Math.max(...children.map((c) => c.depth)), nodes: 1 + children.reduce((n, c) => n + c.nodes, 0) };
}

/** The tag ids an expression reads. */
export function tagsOf(e: Expression): string[] {
  return [...new Set(tagRefs(e).map((r) => r.tag))];
}

/** Each tag condition of `e` with its JSON pointer (below `at`) to the condition's `tag` field. */
export function tagRefs(e: Expression, at = ''): { tag: string; path: string }[] {
  if (e.type === 'tag') return [{ tag: e.tag, path: `${at}/tag` }];
  if (e.type === 'event') return [];
  if (e.type === 'not') return tagRefs(e.of, `${at}/of`);
  return e.of.flatMap((child, i) => tagRefs(child, `${at}/of/${i}`));
}

/** A leaf of the expression: a tag condition or an event condition. */
export type ExpressionLeaf = Extract<Expression, { type: 'tag' | 'event' }>;

/**
 * The text of `e` with AND, OR and NOT as SQL operators and each leaf written by `leaf`, which
 * gets a key unique in the expression (`a0`, `a1`, … in walk order) to name its parameters.
 * Each engine's compile-expression.ts supplies the leaves.
 */
export function expressionSql(e: Expression, leaf: (node: ExpressionLeaf, key: string) => string): string {
  let n = 0;
  const walk = (node: Expression): string => {
    const key = `a${n++}`;
    if (node.type === 'tag' || node.type === 'event') return leaf(node, key);
    if (node.type === 'not') return `(NOT ${walk(node.of)})`;
    return `(${node.of.map(walk).join(node.type === 'and' ? ' AND ' : ' OR ')})`;
  };
  return walk(e);
}
