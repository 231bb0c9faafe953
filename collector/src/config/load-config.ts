import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CollectorConfig, type CollectorConfigInput } from './config-schema.js';
import { DictionaryError } from '../dictionary/load-site-dictionary.js';
import { reasonsFromZod } from '../dictionary/zod-reasons.js';
import type { Reason } from '../dictionary/reason.js';
import { SiteRegistry } from './site-registry.js';

/** A configuration that could not be read or does not follow the format. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly issues: Reason[],
  ) {
    super(`cannot use config ${source}:\n` + issues.map((i) => `  ${i.path || '/'}: ${i.message}${i.expected ? ` (expected ${i.expected})` : ''}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** The validated configuration with every site's dictionary loaded. */
export interface RuntimeConfig {
  config: CollectorConfig;
  sites: SiteRegistry;
}

/**
 * Loads the configuration from a JSON file path, or validates an object. Dictionary paths are
 * relative to the config file (for an object: to `baseDir`, default the working directory).
 */
export function loadConfig(source: string | CollectorConfigInput, baseDir: string = process.cwd()): RuntimeConfig {
  const label = typeof source === 'string' ? source : '(object)';
  const json = typeof source === 'string' ? readJson(source) : source;
  const dir = typeof source === 'string' ? dirname(resolve(source)) : baseDir;
  const parsed = CollectorConfig.safeParse(json);
  if (!parsed.success) throw new ConfigError(label, reasonsFromZod(parsed.error));
  const config = parsed.data;
  try {
    return { config, sites: new SiteRegistry(config.sites, dir) };
  } catch (err) {
    if (err instanceof DictionaryError) throw new ConfigError(label, err.issues.map((i) => ({ ...i, message: `${err.file}: ${i.message}` })));
    throw err;
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [{ path: '', code: 'unreadable', message: (err as Error).message }]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, [{ path: '', code: 'invalid_json', message: (err as Error).message, expected: 'a JSON object' }]);
  }
}

