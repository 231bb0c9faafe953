import { readFileSync } from 'node:fs';
import { SiteDictionary } from './site-dictionary.js';
import { reasonsFromZod } from './zod-reasons.js';
import type { Reason } from './reason.js';

/** A site dictionary file that could not be read or does not follow the format. */
export class DictionaryError extends Error {
  constructor(
    readonly file: string,
    readonly issues: Reason[],
  ) {
    super(`site dictionary ${file} is invalid:\n` + issues.map((i) => `  ${i.path || '/'}: ${i.message}${i.expected ? ` (expected ${i.expected})` : ''}`).join('\n'));
    this.name = 'DictionaryError';
  }
}

/** Reads and validates a site dictionary JSON file; throws DictionaryError with every problem. */
export function loadSiteDictionary(file: string): SiteDictionary {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DictionaryError(file, [{ path: '', code: 'unreadable', message: (err as Error).message }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DictionaryError(file, [{ path: '', code: 'invalid_json', message: (err as Error).message, expected: 'a JSON object' }]);
  }
  const parsed = SiteDictionary.safeParse(json);
  if (!parsed.success) throw new DictionaryError(file, reasonsFromZod(parsed.error));
  return parsed.data;
}
