/**
 * The demo's collector configuration, read from `maidian.config.json` and adapted to where the
 * demo actually runs: the demo site's origin may differ from the file's (another port, a test's
 * random port), and the collector must accept events from it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectorConfigInput } from '../collector/src/config/config-schema.js';

/** Path of the demo's collector configuration file. */
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('./maidian.config.json', import.meta.url));

/** The demo site's id, write key and read token, as the configuration file declares them. */
export interface DemoCredentials {
  site: string;
  writeKey: string;
  readToken: string;
  adminToken?: string;
}

function readDemoConfig(): CollectorConfigInput {
  return JSON.parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as CollectorConfigInput;
}

/**
 * The demo configuration as an object, with dictionary paths made absolute (an object has no
 * file to be relative to) and `extraOrigins` added to the demo site's allowed origins.
 */
export function loadDemoConfig(extraOrigins: string[] = []): CollectorConfigInput {
  const config = readDemoConfig();
  const dir = dirname(DEMO_CONFIG_PATH);
  return {
    ...config,
    sites: config.sites.map((site) => ({
      ...site,
      dictionary: resolve(dir, site.dictionary),
      allowedOrigins: [...new Set([...(site.allowedOrigins ?? []), ...extraOrigins])],
    })),
  };
}

/** The credentials the demo pages and the printed examples use: the first site's. */
export function demoCredentials(config: CollectorConfigInput = readDemoConfig()): DemoCredentials {
  const site = config.sites[0];
  const read = (config.readTokens ?? []).find((t) => t.sites === '*' || t.sites.includes(site.id));
  if (!site.writeKeys?.length || !read?.token) {
    throw new Error(`${DEMO_CONFIG_PATH}: the demo site needs a write key (/sites/0/writeKeys) and a read token for it (/readTokens)`);
  }
  return { site: site.id, writeKey: site.writeKeys[0], readToken: read.token, adminToken: config.adminToken };
}
