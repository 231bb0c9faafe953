/**
 * Input limits (collector/src/dictionary/limits.ts and the nesting guard in
 * collector/src/security/json-depth.ts), each with the clear error it gives, and SQL injection
 * attempts stored and answered literally. Stored XSS in the dashboard is covered by the
 * dashboard's own tests (test/e2e/dashboard), which render hostile stored strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../collector/src/dictionary/limits.js';
import { MAX_JSON_DEPTH } from '../../collector/src/security/json-depth.js';
import { batch, custom, pageView } from '../collector/helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';

let c: TestCollector;
beforeAll(async () => { c = await startTestCollector(); });
afterAll(async () => { await c.stop(); });
const now = Date.now();

describe('limits', () => {
  it(`a body over ${LIMITS.bodyBytes} bytes is 413 with the limit in the message`, async () => {
    const events = Array.from({ length: 450 }, (_, i) => pageView(now, `/${i}`, { page: { title: 'x'.repeat(1024) } }));
    const body = JSON.stringify(batch(events, now));
    expect(body.length).toBeGreaterThan(LIMITS.bodyBytes);
    const r = await c.post('/v1/batch', body);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'body_too_large' });
    expect(r.body.error.message).toContain(`at most ${LIMITS.bodyBytes} bytes`);
  });

  it(`a batch of ${LIMITS.batchEvents + 1} events is 400 at /batch`, async () => {
    const events = Array.from({ length: LIMITS.batchEvents + 1 }, () => ({ id: 'x' }));
    const r = await c.post('/v1/batch', batch(events, now));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_envelope');
    expect(r.body.error.issues[0].path).toBe('/batch');
  });

  it('an over-long string and too many properties quarantine that event only, with the path', async () => {
    const long = pageView(now, '/', { page: { title: 't'.repeat(LIMITS.stringLength + 1) } });
    const many = custom(now, 'add_to_cart', Object.fromEntries(Array.from({ length: LIMITS.propertyCount + 1 }, (_, i) => [`p${i}`, i])));
    const ok = pageView(now, '/ok');
    const r = await c.post('/v1/batch', batch([long, many, ok], now));
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: any) => x.status)).toEqual(['quarantined', 'quarantined', 'accepted']);
    expect(r.body.results[0].reasons[0].path).toBe('/batch/0/context/page/title');
    expect(r.body.results[1].reasons.map((x: any) => x.message).join(' ')).toContain(`at most ${LIMITS.propertyCount} properties`);
  });

  it('a body nested 100,000 levels deep is 400 too_deep (no stack overflow, no 500), and so is depth 33', async () => {
    for (const depth of [100_000, MAX_JSON_DEPTH + 1]) {
      // The event itself is well-formed; its property holds the nesting.
      const text = JSON.stringify(batch([pageView(now, '/deep')], now)).replace('"context"', `"deep":${'['.repeat(depth)}${']'.repeat(depth)},"context"`);
      const r = await c.post('/v1/batch', text);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('too_deep');
      expect(r.body.error.issues[0].expected).toBe(`at most ${MAX_JSON_DEPTH} levels of nesting`);
    }
    // Brackets inside strings are text, not nesting: such an event is accepted.
    const r = await c.post('/v1/batch', batch([pageView(now, '/s', { page: { title: '['.repeat(1000) } })], now));
    expect(r.body.accepted).toBe(1);
  });
});

describe('SQL injection', () => {
  const attacks = ["'; DROP TABLE events; --", "x' OR '1'='1", 'Robert"); DELETE FROM events;--'];

  it('hostile strings in every string field are stored literally', async () => {
    const events = attacks.map((a) => pageView(now, `/${encodeURIComponent(a)}`, { anonymousId: a, sessionId: a, userId: a, page: { title: a, referrer: a }, context: { campaign: { utm_source: a, utm_campaign: a } } }));
    const r = await c.post('/v1/batch', batch(events, now));
    expect(r.body.accepted).toBe(attacks.length);
    for (const a of attacks) {
      const rows = c.query<{ title: string; anonymous_id: string; utm_source: string }>('SELECT title, anonymous_id, utm_source FROM events WHERE anonymous_id = @a', { a });
      expect(rows).toEqual([{ title: a, anonymous_id: a, utm_source: a }]);
    }
  });

  it('hostile query parameters are answered as literal values', async () => {
    const forbidden = await c.get(`/v1/stats/summary?site=${encodeURIComponent("shop' OR '1'='1")}&from=2024-01-01&to=2024-01-02`, READ_TOKEN);
    expect(forbidden.status).toBe(403); // a different site name, not a widened query
    const unknown = await c.get(`/v1/stats/summary?site=${encodeURIComponent("shop' OR '1'='1")}&from=2024-01-01&to=2024-01-02`, ADMIN_TOKEN);
    expect(unknown.status).toBe(404);
    expect(c.query<{ n: number }>('SELECT COUNT(*) AS n FROM events')[0].n).toBeGreaterThanOrEqual(attacks.length); // still there
  });
});
