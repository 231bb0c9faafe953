/**
 * Validates one raw event in two layers: first the standard wire format (the zod schema chosen by
 * the event name), then the site's tracking plan (the site dictionary). Wire-format errors always
 * quarantine; dictionary findings quarantine in `strict` mode and are stored as flags in `warn`.
 */
import type { z } from 'zod';
import { ClickProperties, ConversionProperties, CustomEvent, STANDARD_SCHEMAS, type IdentifyEvent, type WireEvent } from './events.js';
import type { EventSpec, SiteDictionary } from './site-dictionary.js';
import { checkProperty } from './check-property.js';
import { pointer, type Reason } from './reason.js';
import { reasonsFromZod } from './zod-reasons.js';

/** The outcome of validating one event. */
export type Validation =
  | { valid: true; event: WireEvent; flags: Reason[] }
  | { valid: false; reasons: Reason[] };

/** Standard properties each event may carry without declaring them. */
const STANDARD_PROPS: Record<string, readonly string[]> = {
  page_view: [],
  click: Object.keys(ClickProperties),
  conversion: Object.keys(ConversionProperties),
};

/** Validates `raw` (found at JSON pointer `at` in the request body) against the site dictionary. */
export function validateEvent(raw: unknown, dictionary: SiteDictionary, at: string): Validation {
  const schema = schemaFor(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { valid: false, reasons: reasonsFromZod(parsed.error, at) };
  const event = parsed.data as WireEvent;
  const findings = checkDictionary(event, dictionary, at);
  if (findings.length === 0) return { valid: true, event, flags: [] };
  return dictionary.mode === 'warn' ? { valid: true, event, flags: findings } : { valid: false, reasons: findings };
}

function schemaFor(raw: unknown): z.ZodType {
  const name = typeof raw === 'object' && raw !== null ? (raw as { event?: unknown }).event : undefined;
  return typeof name === 'string' && Object.hasOwn(STANDARD_SCHEMAS, name)
    ? STANDARD_SCHEMAS[name as keyof typeof STANDARD_SCHEMAS]
    : CustomEvent;
}

function checkDictionary(event: WireEvent, dictionary: SiteDictionary, at: string): Reason[] {
  // Own keys only: an event named "valueOf" or "__proto__" must not find Object.prototype's.
  const spec = (Object.hasOwn(dictionary.events, event.event) ? dictionary.events[event.event] : undefined) as EventSpec | undefined;
  if (event.event === 'identify') {
    // Traits are free unless the site declares them under "identify".
    return spec ? checkProps((event as IdentifyEvent).traits ?? {}, spec, [], pointer(at, ['traits'])) : [];
  }
  const standard = Object.hasOwn(STANDARD_PROPS, event.event) ? STANDARD_PROPS[event.event] : undefined;
  const props = ('props' in event ? event.props : undefined) ?? {};
  if (standard === undefined && spec === undefined) {
    const declared = Object.keys(dictionary.events).filter((n) => !(n in STANDARD_SCHEMAS));
    return [{
      path: pointer(at, ['event']),
      code: 'undeclared_event',
      message: `event "${event.event}" is not declared in the dictionary of site "${dictionary.site}" (version ${dictionary.version})`,
      expected: declared.length ? `one of ${declared.map((n) => JSON.stringify(n)).join(', ')}` : 'no custom events are declared',
    }];
  }
  return checkProps(props, spec ?? { description: { en: '-', zh: '-' }, properties: {} }, standard ?? [], pointer(at, ['props']));
}

function checkProps(props: Record<string, unknown>, spec: EventSpec, standard: readonly string[], at: string): Reason[] {
  const reasons: Reason[] = [];
  for (const [name, prop] of Object.entries(spec.properties)) {
    const path = pointer(at, [name]);
    const value = props[name];
    if (value === undefined || value === null) {
      if (prop.required) reasons.push({ path, code: 'missing_property', message: `required property "${name}" is missing`, expected: prop.type });
      continue;
    }
    reasons.push(...checkProperty(value, prop, path, name));
  }
  const allowed = [...standard, ...Object.keys(spec.properties)];
  for (const name of Object.keys(props)) {
    if (allowed.includes(name)) continue;
    reasons.push({
      path: pointer(at, [name]),
      code: 'undeclared_property',
      message: `property "${name}" is not declared for this event`,
      expected: allowed.length ? `one of ${allowed.map((n) => JSON.stringify(n)).join(', ')}` : 'no properties',
    });
  }
  return reasons;
}
