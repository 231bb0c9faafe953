import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, pageView } from './helpers/events.js';
import { ADMIN_TOKEN, ORIGIN, startTestCollector, type TestCollector } from './helpers/test-collector.js';

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(async () => { await c.stop(); });

const quarantineRows = () => c.query<{ site: string | null; scope: string; payload: string; reasons: string }>('SELECT site, scope, payload, reasons FROM quarantine ORDER BY qid');

describe('CORS, origin and write key', () => {
  it('answers a preflight from an allowed origin, and refuses an unknown one', async () => {
    const ok = await fetch(`${c.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const bad = await fetch(`${c.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('accepts a browser request from an allowed origin with CORS headers', async () => {
    const now = Date.now();
    const res = await c.post('/v1/batch', batch([pageView(now, '/')], now), { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('refuses a browser origin the site does not allow (403) and stores nothing', async () => {
    const now = Date.now();
    const res = await c.post('/v1/batch', batch([pageView(now, '/')], now), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'origin_not_allowed', issues: [{ path: '/site', expected: `one of ${ORIGIN}` }] });
    expect(c.query('SELECT COUNT(*) AS n FROM events')).toEqual([{ n: 0 }]);
  });

  it('refuses a missing or wrong write key (401)', async () => {
    const now = Date.now();
    const missing = await c.post('/v1/batch', { ...batch([pageView(now, '/')], now), key: undefined });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'invalid_write_key', message: 'site "shop" requires a write key in "key"' });
    const wrong = await c.post('/v1/batch', batch([pageView(now, '/')], now, { key: 'wk_guess' }));
    expect(wrong.status).toBe(401);
  });

  it('answers 404 for an unknown site', async () => {
    const now = Date.now();
    const res = await c.post('/v1/batch', batch([pageView(now, '/')], now, { site: 'nope' }));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'unknown_site', message: 'no site "nope" is configured on this collector' });
  });
});

describe('unreadable bodies', () => {
  it('answers 400 for a body that is not JSON and keeps it in the quarantine, email removed', async () => {
    const text = '{"site":"shop","batch":[{"email":"li.lei@example.org"';
    const res = await c.post('/v1/batch', text);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_json', issues: [{ path: '', expected: 'a JSON object' }] });
    const [q] = quarantineRows();
    expect(q).toMatchObject({ site: null, scope: 'body', payload: '{"site":"shop","batch":[{"email":"[email removed]"' });
  });

  it('answers 400 with every envelope problem and keeps the body under its site', async () => {
    const res = await c.post('/v1/batch', { site: 'shop', batch: [], extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_envelope');
    // sentAt is missing, batch is empty, "extra" is not a field.
    expect(res.body.error.issues).toEqual([
      { path: '/sentAt', message: expect.stringContaining('expected number'), expected: 'number' },
      { path: '/batch', message: expect.any(String), expected: '>= 1 items' },
      { path: '/extra', message: 'unknown field "extra"', expected: 'only the fields of the event dictionary' },
    ]);
    expect(quarantineRows()).toEqual([expect.objectContaining({ site: 'shop', scope: 'body' })]);
    const listed = await c.get('/v1/quarantine?site=shop', ADMIN_TOKEN);
    expect(listed.body.items[0]).toMatchObject({ scope: 'body', payload: { site: 'shop', batch: [], extra: 1 } });
  });

  it('answers 413 for a body over 512 KB and records that it came', async () => {
    const now = Date.now();
    const big = batch([pageView(now, '/', { props: { category: 'x'.repeat(1000) } })], now);
    const text = JSON.stringify(big).replace('"category"', `"pad":"${'y'.repeat(600 * 1024)}","category"`);
    const res = await c.post('/v1/batch', text);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
    expect(res.body.error.message).toContain('at most 524288 bytes');
    const [q] = quarantineRows();
    expect(q).toMatchObject({ site: null, scope: 'body', payload: '' });
    expect(JSON.parse(q.reasons)[0].code).toBe('body_too_large');
  });

  it('answers unknown routes and methods with the error format', async () => {
    const res = await c.get('/v2/nothing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'no route GET /v2/nothing; see GET /openapi.json for the API' } });
  });
});

describe('service routes', () => {
  it('reports health and serves the dictionary to readers', async () => {
    expect((await c.get('/healthz')).body).toEqual({ ok: true, db: 'ok' });
    expect((await c.get('/v1/dictionary/shop')).status).toBe(401);
    const dict = await c.get('/v1/dictionary/shop', ADMIN_TOKEN);
    expect(dict.body).toMatchObject({ site: 'shop', version: 1, mode: 'strict' });
  });
});
