import type { SourceCategories, SourceCategory } from './channel-rules.js';

/** A known site: its canonical name and category. */
export interface KnownSource {
  name: string;
  category: SourceCategory;
}

/** Finds the known site a source value or host names, if any. */
export type SourceLookup = (value: string) => KnownSource | undefined;

// Second-level labels under country domains (google.co.uk, amazon.com.cn, yahoo.co.jp).
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go', 'gob']);

/**
 * Builds a lookup over source categories. Precomputes two maps so a lookup is a few map reads:
 * exact aliases and hosts, and brand labels (aliases written `name.*`).
 * Matching order: exact value, then each parent domain from the most specific down
 * (`m.facebook.com` → `facebook.com`), then the registrable label against brand aliases.
 */
export function buildSourceLookup(categories: SourceCategories): SourceLookup {
  const exact = new Map<string, KnownSource>();
  const brands = new Map<string, KnownSource>();
  for (const [category, sites] of Object.entries(categories) as [SourceCategory, Record<string, string[]>][]) {
    for (const [name, aliases] of Object.entries(sites)) {
      const known: KnownSource = { name: name.toLowerCase(), category };
      exact.set(known.name, known);
      for (const alias of aliases) {
        const a = alias.trim().toLowerCase();
        if (a.endsWith('.*')) brands.set(a.slice(0, -2), known);
        else exact.set(a, known);
      }
    }
  }
  return (value) => {
    const v = value.startsWith('www.') ? value.slice(4) : value;
    const direct = exact.get(v);
    if (direct) return direct;
    // Parent domains: stop before the bare top-level domain ("com" is nobody's alias).
    for (let dot = v.indexOf('.'); dot >= 0; dot = v.indexOf('.', dot + 1)) {
      const parent = v.slice(dot + 1);
      if (parent.indexOf('.') < 0) break;
      const hit = exact.get(parent);
      if (hit) return hit;
    }
    return brands.size > 0 ? brands.get(registrableLabel(v)) : undefined;
  };
}

/** The label a domain is registered under: `google` for news.google.co.uk and google.de. */
export function registrableLabel(host: string): string {
  const labels = host.split('.');
  const n = labels.length;
  if (n < 2) return '';
  if (n >= 3 && labels[n - 1].length === 2 && SECOND_LEVEL.has(labels[n - 2])) return labels[n - 3];
  return labels[n - 2];
}
