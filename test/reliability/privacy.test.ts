/**
 * Existing guarantees, checked on real collectors: security headers on the dashboard and the
 * API, CORS only for allowed origins, bots stored and flagged rather than deleted (and left out
 * of the summary), and no full IP address anywhere in the database file's bytes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector/src/server.js';
import { batch, custom, pageView } from '../collector/helpers/events.js';
import { CHROME_UA, ORIGIN, READ_TOKEN, shopDictionary, startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';

process.env.MAIDIAN_LOG_LEVEL ??= 'silent';
let c: TestCollector | undefined;
let dir: string | undefined;
let running: RunningCollector | undefined;
afterEach(async () => {
  await c?.stop();
  await running?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  c = running = dir = undefined;
});

describe('headers', () => {
  it('the dashboard sends CSP, nosniff, no framing and no x-powered-by', async () => {
    c = await startTestCollector();
    const res = await fetch(`${c.url}/dashboard/`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('API answers (JSON, errors too) carry nosniff and no x-powered-by', async () => {
    c = await startTestCollector();
    for (const [path, status] of [['/v1/stats/summary?site=shop&from=2024-01-01&to=2024-01-02', 200], ['/v1/nope', 404], ['/v1/stats/summary?site=shop&from=2024-01-01&to=2024-01-02&', 401]] as const) {
      const res = await fetch(c.url + path, status === 401 ? {} : { headers: { authorization: `Bearer ${READ_TOKEN}` } });
      expect(res.status, path).toBe(status);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('CORS headers only for the allowed origin; another origin is refused', async () => {
    c = await startTestCollector();
    const ok = await c.post('/v1/batch', batch([pageView(Date.now(), '/')], Date.now()), { origin: ORIGIN });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const evil = await c.post('/v1/batch', batch([pageView(Date.now(), '/')], Date.now()), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${c.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Reports are read by the dashboard on the same origin: no CORS on them at all.
    const read = await fetch(`${c.url}/v1/stats/summary?site=shop&from=2024-01-01&to=2024-01-02`, { headers: { authorization: `Bearer ${READ_TOKEN}`, origin: ORIGIN } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bots', () => {
  it('are stored with is_bot = 1 and left out of the summary', async () => {
    c = await startTestCollector();
    const day = Date.UTC(2025, 2, 3, 4); // 12:00 in Asia/Shanghai
    const human = pageView(day, '/', { anonymousId: 'human', sessionId: 'h' });
    const bot = pageView(day + 1000, '/', { anonymousId: 'crawler', sessionId: 'b' });
    await c.post('/v1/event', { site: 'shop', key: 'wk_shop_secret', event: human }, { 'user-agent': CHROME_UA });
    await c.post('/v1/event', { site: 'shop', key: 'wk_shop_secret', event: bot }, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
    expect(c.query('SELECT anonymous_id, is_bot FROM events ORDER BY anonymous_id')).toEqual([{ anonymous_id: 'crawler', is_bot: 1 }, { anonymous_id: 'human', is_bot: 0 }]);
    const s = await c.get('/v1/stats/summary?site=shop&from=2025-03-03&to=2025-03-03', READ_TOKEN);
    expect(s.status).toBe(200);
    // Two stored page views, one of them a bot's: the summary counts the human only (1 view,
    // 1 visitor, 1 session).
    expect(s.body).toMatchObject({ pageviews: 1, visitors: 1, sessions: 1, topPages: [{ path: '/', pageviews: 1, visitors: 1 }] });
  });
});

describe('IP anonymization', () => {
  const FULL = '203.0.113.77';
  async function run(mode: 'truncate' | 'drop'): Promise<Buffer> {
    dir = mkdtempSync(join(tmpdir(), 'maidian-ip-'));
    writeFileSync(join(dir, 'shop.json'), JSON.stringify(shopDictionary()));
    const dbPath = join(dir, 'ip.db');
    running = await startCollector({
      dbPath, port: 0, configDir: dir,
      // trustProxy: the forwarded address is the client's, as behind a real proxy.
      config: { sites: [{ id: 'shop', name: 'Shop', dictionary: './shop.json', salt: 'ip-test-salt-0123456789' }], trustProxy: true, ip: { anonymize: mode } },
    });
    // One stored event and one quarantined (undeclared), whose record keeps the request too.
    const events = [pageView(Date.now(), '/'), custom(Date.now(), 'newsletter_open', {})];
    const res = await fetch(`${running.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': FULL }, body: JSON.stringify({ ...batch(events, Date.now()), key: undefined }) });
    expect(await res.json()).toMatchObject({ accepted: 1, quarantined: 1 });
    await running.close();
    running = undefined;
    const stored = new Database(dbPath, { readonly: true }).prepare('SELECT ip FROM events').all();
    expect(existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).length : 0).toBe(0);
    return Object.assign(readFileSync(dbPath), { stored });
  }

  it('truncate keeps the /24 only: the full address is nowhere in the file', async () => {
    const bytes = await run('truncate');
    expect((bytes as any).stored).toContainEqual({ ip: '203.0.113.0' });
    expect(bytes.includes(FULL)).toBe(false);
    expect(bytes.includes('203.0.113.0')).toBe(true);
  });

  it('drop stores no address at all', async () => {
    const bytes = await run('drop');
    expect((bytes as any).stored).toEqual([{ ip: null }]);
    expect(bytes.includes('203.0.113')).toBe(false);
  });
});
