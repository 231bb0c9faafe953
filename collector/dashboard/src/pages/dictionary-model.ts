/**
 * The dictionary page's model: standard events from the OpenAPI document (generated from the
 * event dictionary) and the site's own events from its site dictionary, in one list.
 */

/** A text in both languages. */
export interface Bilingual { en: string; zh: string }

/** One property of an event. */
export interface PropRow {
  name: string;
  type: string;
  required: boolean;
  allowed: (string | number)[] | null;
  min?: number;
  max?: number;
  description: Bilingual;
  /** Declared by the site dictionary (not the standard). */
  site: boolean;
}

/** One event of the dictionary. */
export interface DictEntry {
  name: string;
  standard: boolean;
  description: Bilingual;
  properties: PropRow[];
}

/** A site dictionary as `GET /v1/dictionary/:site` returns it. */
export interface SiteDictionary {
  site: string;
  version: number;
  mode: 'strict' | 'warn';
  events: Record<string, { description: Bilingual; properties: Record<string, { type: string; required?: boolean; enum?: (string | number)[]; min?: number; max?: number; description: Bilingual }> }>;
}

type JsonSchema = { title?: string; description?: string; 'x-description-zh'?: string; type?: string; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[]; $ref?: string; minimum?: number; maximum?: number };

const STANDARD = ['PageViewEvent', 'ClickEvent', 'ConversionEvent', 'IdentifyEvent'];

/** Builds the event list: standard events first (with the site's extra properties), then site events. */
export function dictionaryEntries(openapi: { components: { schemas: Record<string, JsonSchema> } }, site: SiteDictionary): DictEntry[] {
  const schemas = openapi.components.schemas;
  const resolve = (s: JsonSchema | undefined) => (s?.$ref ? schemas[s.$ref.split('/').pop()!] : s);
  const standard = STANDARD.map((id) => schemas[id]).filter(Boolean).map((s): DictEntry => {
    const props = resolve(s.properties?.props) ?? resolve(s.properties?.identities);
    const rows = Object.entries(props?.properties ?? {}).map(([name, p]) => fromJsonSchema(name, resolve(p)!, props?.required ?? []));
    return { name: s.title ?? '', standard: true, description: bilingual(s), properties: rows };
  });
  for (const entry of standard) {
    const extra = site.events[entry.name];
    if (extra) entry.properties.push(...siteProps(extra.properties));
  }
  const custom = Object.entries(site.events)
    .filter(([name]) => !standard.some((e) => e.name === name))
    .map(([name, e]): DictEntry => ({ name, standard: false, description: e.description, properties: siteProps(e.properties) }));
  return [...standard, ...custom];
}

/** Entries whose name, property names or descriptions (either language) contain `q`. */
export function searchEntries(entries: DictEntry[], q: string): DictEntry[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return entries;
  const hit = (...texts: string[]) => texts.some((s) => s.toLowerCase().includes(needle));
  return entries.flatMap((e) => {
    if (hit(e.name, e.description.en, e.description.zh)) return [e];
    const properties = e.properties.filter((p) => hit(p.name, p.description.en, p.description.zh));
    return properties.length ? [{ ...e, properties }] : [];
  });
}

function fromJsonSchema(name: string, p: JsonSchema, required: string[]): PropRow {
  return {
    name, type: p.type ?? 'value', required: required.includes(name), allowed: (p.enum as (string | number)[]) ?? null,
    min: p.minimum, max: p.maximum, description: bilingual(p), site: false,
  };
}

function siteProps(props: SiteDictionary['events'][string]['properties']): PropRow[] {
  return Object.entries(props).map(([name, p]) => ({
    name, type: p.type, required: p.required ?? false, allowed: p.enum ?? null, min: p.min, max: p.max, description: p.description, site: true,
  }));
}

function bilingual(s: JsonSchema): Bilingual {
  return { en: s.description ?? '', zh: s['x-description-zh'] ?? s.description ?? '' };
}
