import type { PropertySpec } from './site-dictionary.js';
import type { Reason } from './reason.js';
import { oneOf } from './zod-reasons.js';

/**
 * Checks one present property value against its declaration in the site dictionary: type, allowed
 * values, bounds. Returns the problems found (empty when the value is fine).
 */
export function checkProperty(value: unknown, spec: PropertySpec, path: string, name: string): Reason[] {
  if (value === null) return [];
  if (!hasType(value, spec.type)) {
    return [{ path, code: 'invalid_type', message: `property "${name}" must be ${article(spec.type)}, got ${describe(value)}`, expected: spec.type }];
  }
  const reasons: Reason[] = [];
  if (spec.enum && !spec.enum.includes(value as string | number)) {
    reasons.push({ path, code: 'invalid_value', message: `property "${name}" has the value ${JSON.stringify(value)}, which the dictionary does not allow`, expected: oneOf(spec.enum) });
  }
  if (typeof value === 'number' && spec.min !== undefined && value < spec.min) {
    reasons.push({ path, code: 'too_small', message: `property "${name}" is ${value}, below the minimum ${spec.min}`, expected: `>= ${spec.min}` });
  }
  if (typeof value === 'number' && spec.max !== undefined && value > spec.max) {
    reasons.push({ path, code: 'too_big', message: `property "${name}" is ${value}, above the maximum ${spec.max}`, expected: `<= ${spec.max}` });
  }
  return reasons;
}

function hasType(value: unknown, type: PropertySpec['type']): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

function article(type: string): string {
  return type === 'integer' ? 'an integer' : `a ${type}`;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${JSON.stringify(value)}`;
}
