import type { z } from 'zod';
import { pointer, type Reason } from './reason.js';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into reasons a person can act on: a JSON pointer below `base`, a stable code,
 * a message and, where there is one, what is allowed.
 */
export function reasonsFromZod(error: z.ZodError, base = ''): Reason[] {
  return error.issues.flatMap((issue) => reasonsFromIssue(issue, base));
}

function reasonsFromIssue(issue: Issue, base: string): Reason[] {
  const path = pointer(base, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: pointer(path, [key]),
        code: 'unknown_field',
        message: `unknown field "${key}"`,
        expected: 'only the fields of the event dictionary',
      }));
    case 'invalid_type':
      return [{ path, code: 'invalid_type', message: issue.message.replace(/^Invalid input: /, ''), expected: issue.expected }];
    case 'invalid_value':
      return [{ path, code: 'invalid_value', message: 'value not allowed', expected: oneOf(issue.values) }];
    case 'invalid_union':
      return [{ path, code: 'invalid_type', message: 'value has none of the allowed types', expected: unionExpected(issue) }];
    case 'invalid_key':
      return [{ path, code: 'invalid_name', message: `"${String(issue.path.at(-1))}" is not an allowed name`, expected: 'a letter or _, then letters, digits, _ . $ -, at most 64 characters' }];
    case 'too_big':
    case 'too_small':
      return [{ path, code: issue.code, message: issue.message.replace(/^Too (big|small): /, ''), expected: bound(issue) }];
    default:
      return [{ path, code: issue.code, message: issue.message }];
  }
}

/** `one of "basic", "pro"`. */
export function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

function unionExpected(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const types = issue.errors.flatMap((errs) => errs.filter((e) => e.code === 'invalid_type').map((e) => (e as { expected: string }).expected));
  return types.length ? [...new Set(types)].join(' | ') : 'one of the allowed shapes';
}

function bound(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const op = issue.code === 'too_big' ? (issue.inclusive ? '<=' : '<') : issue.inclusive ? '>=' : '>';
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  return `${op} ${String(limit)}${unit}`;
}
