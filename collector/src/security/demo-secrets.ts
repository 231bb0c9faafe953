/**
 * The demo's secrets are public (they are in the repository), so a collector that uses them
 * outside demo mode lets anyone read its reports, write its events or reverse its hashed phone
 * numbers. The collector refuses to start with them unless demo mode is asked for explicitly
 * (`--demo` or MAIDIAN_DEMO=1).
 */
import type { CollectorConfig } from '../config/config-schema.js';
import type { Reason } from '../dictionary/reason.js';

/** Every secret in demo-site/maidian.config.json (a test keeps this list in step with it). */
export const DEMO_SECRETS: readonly string[] = [
  'demo-write-key-camellia',
  'demo-salt-change-me-in-production',
  'demo-read-token-0123456789',
  'demo-admin-token-0123456789',
];

/** True when demo mode is switched on through the environment (MAIDIAN_DEMO=1). */
export function demoModeFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MAIDIAN_DEMO === '1' || env.MAIDIAN_DEMO === 'true';
}

/** Where the config uses a published demo secret, as config-file problems. */
export function findDemoSecrets(config: CollectorConfig): Reason[] {
  const found: Reason[] = [];
  const check = (value: string | undefined, path: string) => {
    if (value !== undefined && DEMO_SECRETS.includes(value)) {
      found.push({ path, code: 'demo_secret', message: 'this is a published demo secret; replace it with your own random value (or start with --demo / MAIDIAN_DEMO=1 to run the demo)' });
    }
  };
  config.sites.forEach((site, i) => {
    check(site.salt, `/sites/${i}/salt`);
    site.writeKeys.forEach((k, j) => check(k, `/sites/${i}/writeKeys/${j}`));
  });
  config.readTokens.forEach((t, i) => check(t.token, `/readTokens/${i}/token`));
  check(config.adminToken, '/adminToken');
  return found;
}
