import type { z } from 'zod';
import { reasonsFromZod } from '../dictionary/zod-reasons.js';
import { HttpError, issuesFrom } from './http-error.js';

/** Validates query parameters or a JSON body; throws 400 listing every problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: 'query' | 'body'): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = issuesFrom(reasonsFromZod(parsed.error, where === 'query' ? '/query' : ''));
  throw new HttpError(400, `invalid_${where}`, `the request ${where} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}
