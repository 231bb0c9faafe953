/**
 * Flattens a JSON Schema object into documentation rows (`context.page.url`, type, required,
 * English and Chinese descriptions), for the generated dictionary reference.
 */

/** One documented field. */
export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  en: string;
  zh: string;
}

interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  anyOf?: Js[];
  enum?: unknown[];
  const?: unknown;
  items?: Js;
  additionalProperties?: Js | boolean;
  description?: string;
  'x-description-zh'?: string;
  pattern?: string;
  maxLength?: number;
}

/** The rows of an object schema's properties, nested objects flattened with dots. */
export function fieldRows(schema: Js, prefix = '', parentRequired = true): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const name = prefix + key;
    const required = parentRequired && (schema.required ?? []).includes(key);
    rows.push({ name, type: typeOf(prop), required, en: prop.description ?? '', zh: prop['x-description-zh'] ?? '' });
    if (prop.properties) rows.push(...fieldRows(prop, `${name}.`, required));
  }
  return rows;
}

/** A short type label: `string ≤ 2048`, `"web" | "h5"`, `object`. */
export function typeOf(s: Js): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  const t = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  if (t === 'string' && s.maxLength !== undefined) return `string ≤ ${s.maxLength}`;
  if (t === 'array' && s.items) return `${typeOf(s.items)}[]`;
  return t;
}

/** Escapes a table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
