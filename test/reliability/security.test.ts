/**
 * Keys, tokens, demo secrets and rate limits, on real collectors: the CLI refuses the published
 * demo secrets unless in demo mode; tokens may be stored hashed and several may be valid at
 * once; per-address and per-site limits answer 429 with Retry-After.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector/src/server.js';
import { DEMO_SECRETS } from '../../collector/src/security/demo-secrets.js';
import { DEMO_CONFIG_PATH } from '../../demo-site/demo-config.js';
import { batch, pageView } from '../collector/helpers/events.js';
import { CHROME_UA, READ_TOKEN, WRITE_KEY } from '../collector/helpers/test-collector.js';
import { makeHome, runCli, shopConfig, spawnCollector, type CollectorHome } from './helpers/spawn-collector.js';

process.env.MAIDIAN_LOG_LEVEL ??= 'silent';
let home: CollectorHome | undefined;
let running: RunningCollector | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  home?.remove();
});

const sha256 = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const summary = (url: string, token: string) =>
  fetch(`${url}/v1/stats/summary?site=shop&from=2024-01-01&to=2024-01-02`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('demo secrets', () => {
  it('the list of demo secrets holds every secret of the demo config file', () => {
    const demo = JSON.parse(readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    const secrets = [demo.adminToken, ...demo.readTokens.map((t: any) => t.token), ...demo.sites.flatMap((s: any) => [s.salt, ...s.writeKeys])];
    expect([...secrets].sort()).toEqual([...DEMO_SECRETS].sort());
  });

  it('the CLI refuses to start with a demo secret, naming where it is; --demo and MAIDIAN_DEMO=1 allow it', async () => {
    home = makeHome(shopConfig({ adminToken: 'demo-admin-token-0123456789' }));
    const refused = runCli(['--config', home.configPath, '--db', home.dbPath, '--port', '0'], home.dir);
    expect(await refused.exited).toBe(1);
    expect(refused.stderr()).toContain('/adminToken: this is a published demo secret');
    for (const [args, env] of [[['--demo'], {}], [[], { MAIDIAN_DEMO: '1' }]] as const) {
      const demo = await spawnCollector(home, [...args], env); // resolves only once it listens
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      demo.child.kill('SIGTERM');
      await demo.exited;
    }
  }, 90_000);
});

describe('tokens', () => {
  it('hash-token prints the sha256 of the token read from stdin', async () => {
    home = makeHome();
    const p = runCli(['hash-token'], home.dir);
    p.child.stdin.end('a-long-operator-token-42\n');
    expect(await p.exited).toBe(0);
    expect(p.stdout().trim()).toBe(sha256('a-long-operator-token-42'));
  }, 30_000);

  it('hashed read and admin tokens work; several are valid at once; the hash itself is not a token', async () => {
    const newRead = 'new-read-token-rotated-1';
    const oldAdmin = 'old-admin-token-0123456789';
    const newAdmin = 'new-admin-token-0123456789';
    home = makeHome(shopConfig({
      readTokens: [{ token: READ_TOKEN, sites: ['shop'] }, { tokenHash: sha256(newRead), sites: ['shop'] }],
      adminToken: undefined,
      adminTokens: [{ token: oldAdmin }, { tokenHash: sha256(newAdmin) }],
    }));
    running = await startCollector({ dbPath: home.dbPath, port: 0, config: home.configPath });
    expect(await summary(running.url, READ_TOKEN)).toBe(200);
    expect(await summary(running.url, newRead)).toBe(200);
    expect(await summary(running.url, oldAdmin)).toBe(200);
    expect(await summary(running.url, newAdmin)).toBe(200);
    expect(await summary(running.url, sha256(newRead))).toBe(401);
    const quarantine = (t: string) => fetch(`${running!.url}/v1/quarantine?status=open`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status);
    expect(await quarantine(newAdmin)).toBe(200); // admin-only listing
    expect(await quarantine(newRead)).toBe(401);
  });

  it('a config entry with both or neither of token and tokenHash is refused with its path', async () => {
    home = makeHome(shopConfig({ readTokens: [{ token: READ_TOKEN, tokenHash: sha256(READ_TOKEN), sites: '*' }, { tokenHash: 'sha256:xyz', sites: '*' }] }));
    const p = runCli(['--config', home.configPath, '--db', home.dbPath, '--port', '0'], home.dir);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toContain('/readTokens/0: give exactly one of "token" (plain) or "tokenHash" (sha256:<hex>)');
    expect(p.stderr()).toContain('/readTokens/1/tokenHash: a token hash is "sha256:" and 64 lowercase hex digits');
  }, 30_000);
});

describe('rate limits', () => {
  const send = (url: string, headers: Record<string, string> = {}) => {
    const now = Date.now();
    return fetch(`${url}/v1/batch`, { method: 'POST', body: JSON.stringify(batch([pageView(now, '/')], now, { key: WRITE_KEY })), headers: { 'user-agent': CHROME_UA, ...headers } });
  };

  it('per address: the request over the limit is 429 with Retry-After; another address and loopback are not limited', async () => {
    home = makeHome(shopConfig({ trustProxy: 'loopback', rateLimits: { perIp: { limit: 3, windowSeconds: 60 } } }));
    running = await startCollector({ dbPath: home.dbPath, port: 0, config: home.configPath });
    const a = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 3; i++) expect((await send(running.url, a)).status).toBe(200);
    const over = await send(running.url, a);
    expect(over.status).toBe(429);
    const wait = Number(over.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await over.json()).error).toMatchObject({ code: 'rate_limited' });
    expect((await send(running.url, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await send(running.url)).status).toBe(200); // loopback peer, no forwarded address
  });

  it('per site: the request over the site limit is 429 with Retry-After, and nothing of it is stored', async () => {
    home = makeHome(shopConfig({ rateLimits: { perIp: false, perSite: { limit: 2, windowSeconds: 30 } } }));
    running = await startCollector({ dbPath: home.dbPath, port: 0, config: home.configPath });
    expect((await send(running.url)).status).toBe(200);
    expect((await send(running.url)).status).toBe(200);
    const over = await send(running.url);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((running.store.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(2);
  });
});
