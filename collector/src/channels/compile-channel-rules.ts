import type { ChannelName, ChannelRules, Condition, ConditionTree, SourceCategory } from './channel-rules.js';
import { buildSourceLookup, type SourceLookup } from './source-lookup.js';

/** Normalized fields a compiled condition reads: lowercased and trimmed, category looked up once. */
export interface ClassifyContext {
  source: string;
  medium: string;
  campaign: string;
  category: SourceCategory | undefined;
}

type Predicate = (ctx: ClassifyContext) => boolean;

/** A rule set made ready for per-event use: regexes compiled, lists turned into sets, hosts into maps. */
export interface CompiledChannelRules {
  rules: ChannelRules;
  lookupSource: SourceLookup;
  /** Returns the channel of normalized traffic: first matching rule, else the fallback. */
  classify: (ctx: ClassifyContext) => ChannelName;
}

// Compiled once per rule-set object: resolveTraffic runs on every event.
const cache = new WeakMap<ChannelRules, CompiledChannelRules>();

/** Compiles a rule set, or returns the compiled form made earlier for the same object. */
export function compileChannelRules(rules: ChannelRules): CompiledChannelRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const compiled = rules.rules.map((rule, i) => ({ channel: rule.channel, test: compileTree(rule.when, `/rules/${i}/when`) }));
  const classify = (ctx: ClassifyContext): ChannelName => {
    for (const rule of compiled) if (rule.test(ctx)) return rule.channel;
    return rules.fallback;
  };
  const result: CompiledChannelRules = { rules, lookupSource: buildSourceLookup(rules.sourceCategories), classify };
  cache.set(rules, result);
  return result;
}

function compileTree(tree: ConditionTree, pointer: string): Predicate {
  if ('all' in tree) {
    const parts = tree.all.map((t, i) => compileTree(t, `${pointer}/all/${i}`));
    return (ctx) => parts.every((p) => p(ctx));
  }
  if ('any' in tree) {
    const parts = tree.any.map((t, i) => compileTree(t, `${pointer}/any/${i}`));
    return (ctx) => parts.some((p) => p(ctx));
  }
  return compileCondition(tree, pointer);
}

function compileCondition(c: Condition, pointer: string): Predicate {
  const field = c.field;
  switch (c.op) {
    case 'equals': {
      const value = c.value.toLowerCase();
      return (ctx) => ctx[field] === value;
    }
    case 'in': {
      const values = new Set(c.values.map((v) => v.toLowerCase()));
      return (ctx) => values.has(ctx[field]);
    }
    case 'contains': {
      const value = c.value.toLowerCase();
      return (ctx) => ctx[field].includes(value);
    }
    case 'endsWith': {
      const value = c.value.toLowerCase();
      return (ctx) => ctx[field].endsWith(value);
    }
    case 'regex': {
      const re = compileRegex(c.pattern, pointer);
      return (ctx) => re.test(ctx[field]);
    }
    case 'sourceCategory': {
      const category = c.category;
      return (ctx) => ctx.category === category;
    }
    default:
      throw new Error(`${pointer}/op: unknown operator ${JSON.stringify((c as { op: unknown }).op)}; allowed: equals, in, regex, contains, endsWith, sourceCategory`);
  }
}

/** Compiles a rule's pattern case-insensitively, naming the rule when the pattern is invalid. */
export function compileRegex(pattern: string, pointer: string): RegExp {
  try {
    // No g/y flag: test() must not carry lastIndex from one event to the next.
    return new RegExp(pattern, 'i');
  } catch (err) {
    throw new Error(`${pointer}/pattern: invalid regular expression ${JSON.stringify(pattern)} (${(err as Error).message})`);
  }
}
