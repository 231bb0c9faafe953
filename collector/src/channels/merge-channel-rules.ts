import type { ChannelRules, SourceCategories, SourceCategory } from './channel-rules.js';
import type { ChannelRulesOverride } from './channel-rules-override.js';

/**
 * Returns a new rule set: the site's rules first, then `base`'s; source categories and scenes merged
 * with the site's winning where both name the same alias or scene; the version records both.
 * Neither argument is changed. Validate `override` with `parseChannelRulesOverride` first.
 */
export function mergeChannelRules(base: ChannelRules, override: ChannelRulesOverride): ChannelRules {
  return {
    version: `${base.version} + site:${override.version ?? 'custom'}`,
    rules: [...(override.rules ?? []), ...base.rules],
    sourceCategories: mergeCategories(base.sourceCategories, override.sourceCategories ?? {}),
    scenes: { ...base.scenes, ...override.scenes },
    fallback: override.fallback ?? base.fallback,
  };
}

function mergeCategories(base: SourceCategories, extra: SourceCategories): SourceCategories {
  // Names and aliases the site lists are taken out of the defaults, so a site can move a source to
  // another category; a site entry under the same category and name adds to the default entry.
  const claimed = new Set<string>();
  for (const sites of Object.values(extra)) {
    for (const [name, aliases] of Object.entries(sites ?? {})) {
      claimed.add(name.toLowerCase());
      for (const a of aliases) claimed.add(a.trim().toLowerCase());
    }
  }
  const merged: SourceCategories = {};
  for (const [category, sites] of entriesOf(base)) {
    const kept: Record<string, string[]> = {};
    for (const [name, aliases] of Object.entries(sites)) {
      const extended = extra[category]?.[name] !== undefined;
      if (claimed.has(name.toLowerCase()) && !extended) continue;
      kept[name] = aliases.filter((a) => !claimed.has(a.trim().toLowerCase()));
    }
    merged[category] = kept;
  }
  for (const [category, sites] of entriesOf(extra)) {
    const target = (merged[category] ??= {});
    for (const [name, aliases] of Object.entries(sites)) target[name] = [...(target[name] ?? []), ...aliases];
  }
  return merged;
}

function entriesOf(categories: SourceCategories): [SourceCategory, Record<string, string[]>][] {
  return Object.entries(categories).filter(([, sites]) => sites !== undefined) as [SourceCategory, Record<string, string[]>][];
}
