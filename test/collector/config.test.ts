import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../collector/src/config/load-config.js';
import { SALT, shopDictionary } from './helpers/test-collector.js';

const dir = mkdtempSync(join(tmpdir(), 'maidian-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'shop.json'), JSON.stringify(shopDictionary()));
const site = { id: 'shop', name: 'Shop', dictionary: 'shop.json', salt: SALT };

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('collector config', () => {
  it('applies defaults and loads dictionaries relative to the config', () => {
    const { config, sites } = loadConfig({ sites: [site] }, dir);
    expect(config.ip.anonymize).toBe('truncate');
    expect(sites.get('shop')).toMatchObject({ config: { timezone: 'UTC', writeKeys: [], hosts: [] }, dictionary: { version: 1 } });
  });

  it('reports every mistake with its JSON pointer', () => {
    const issues = issuesOf(() => loadConfig({ sites: [{ ...site, timezone: 'Mars/Olympus' }, site], adminToken: 'x', colour: 1 } as never, dir));
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '/sites/0/timezone', message: 'not an IANA time zone (e.g. "Asia/Shanghai", "UTC")' }),
      expect.objectContaining({ path: '/adminToken', message: 'tokens must be at least 16 characters, so they cannot be guessed' }),
      expect.objectContaining({ path: '/colour', code: 'unknown_field' }),
    ]));
  });

  it('rejects a duplicate site id, a missing dictionary and a dictionary of another site', () => {
    expect(issuesOf(() => loadConfig({ sites: [site, site] }, dir))).toEqual([expect.objectContaining({ path: '/sites/1/id', message: 'site id "shop" appears twice' })]);
    expect(issuesOf(() => loadConfig({ sites: [{ ...site, dictionary: 'missing.json' }] }, dir))[0]).toMatchObject({ code: 'unreadable' });
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...shopDictionary(), site: 'blog' }));
    expect(issuesOf(() => loadConfig({ sites: [{ ...site, dictionary: 'other.json' }] }, dir))[0]).toMatchObject({ path: '/site', code: 'site_mismatch' });
  });

  it('explains an invalid dictionary entry', () => {
    const bad = shopDictionary() as any;
    bad.events.signup.properties.plan.type = 'text';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const [issue] = issuesOf(() => loadConfig({ sites: [{ ...site, dictionary: 'bad.json' }] }, dir));
    expect(issue).toMatchObject({ path: '/events/signup/properties/plan/type', expected: 'one of "string", "number", "integer", "boolean"' });
  });
});
