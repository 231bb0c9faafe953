/**
 * Fuzzing every endpoint of a real collector (real HTTP, real SQLite) with generated payloads:
 * random bytes and text, random JSON, hostile strings (NUL, lone surrogates, SQL, HTML,
 * prototype-pollution keys), deep nesting, oversized values, and valid events with one field
 * mutated. The collector never crashes and never answers 5xx; every 4xx body says what was
 * wrong; valid events mixed into a batch are stored. Payloads are drawn with a fixed seed
 * (printed on failure) and sent concurrently, so the run is reproducible and bounded.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, READ_TOKEN, ADMIN_TOKEN, WRITE_KEY, CHROME_UA, type TestCollector } from '../collector/helpers/test-collector.js';
import { hostileValue, mutatedEvent, queryString, rawBody, validEvent } from './helpers/fuzz-arbitraries.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240601);
let c: TestCollector;
beforeAll(async () => { c = await startTestCollector(); });
afterAll(async () => { await c.stop(); });

interface Answer { status: number; body: any; request: string }

/** Sends `requests` with `concurrency` in flight; answers are in the order of the requests. */
async function sendAll(requests: { path: string; init: RequestInit }[], concurrency = 16): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const { path, init } = requests[index];
      const res = await fetch(c.url + path, init);
      const text = await res.text();
      let body: unknown = text;
      try { body = JSON.parse(text); } catch { /* not JSON */ }
      answers[index] = { status: res.status, body, request: `${init.method ?? 'GET'} ${path} ${String(init.body ?? '').slice(0, 300)}` };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

/** No 5xx; every 4xx explains itself with a code, a message and, if present, issues with paths. */
function expectExplained(answers: Answer[]) {
  const bad = answers.filter((a) => {
    if (a.status >= 500) return true;
    if (a.status < 400) return false;
    const e = a.body?.error;
    if (typeof e?.code !== 'string' || typeof e?.message !== 'string' || e.message.length < 10) return true;
    return e.issues !== undefined && !(Array.isArray(e.issues) && e.issues.every((i: any) => typeof i.path === 'string' && typeof i.message === 'string'));
  });
  expect(bad.slice(0, 3), `seed ${SEED}: unexplained or 5xx answers`).toEqual([]);
}

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  ({ path, init: { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'text/plain', 'user-agent': CHROME_UA, ...headers } } });

describe('fuzzing the collector', () => {
  it('ingest: 3,000 raw bodies (bytes, text, JSON, near-miss envelopes, deep nesting) never give 5xx', async () => {
    const bodies = fc.sample(rawBody, { numRuns: 3000, seed: SEED });
    const answers = await sendAll(bodies.flatMap((b, i) => [post(i % 2 ? '/v1/batch' : '/v1/event', b)]));
    expectExplained(answers);
    expect(answers.filter((a) => a.status === 400).length).toBeGreaterThan(2500); // the fuzz really hit the errors
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('ingest: 2,000 batches (about 9,000 events) mixing valid and mutated events keep every valid event', async () => {
    const arb = fc.tuple(fc.array(validEvent, { minLength: 1, maxLength: 4 }), fc.array(mutatedEvent, { minLength: 1, maxLength: 4 }));
    const samples = fc.sample(arb, { numRuns: 2000, seed: SEED });
    const now = Date.now();
    const requests = samples.map(([valid, mutated]) => post('/v1/batch', JSON.stringify({ site: 'shop', key: WRITE_KEY, sentAt: now, batch: [...mutated, ...valid] })));
    const answers = await sendAll(requests);
    expectExplained(answers);
    // Each batch is answered 200 unless a mutation made the body unreadable as a whole (too deep).
    answers.forEach((a, i) => {
      if (a.status !== 200) return expect(a.body.error.code, a.request).toBe('too_deep');
      const [valid, mutated] = samples[i];
      const tail = a.body.results.slice(mutated.length);
      expect(tail.map((r: any) => r.status), a.request).toEqual(valid.map(() => 'accepted'));
    });
    const validIds = samples.flatMap(([valid], i) => (answers[i].status === 200 ? valid.map((e) => e.id as string) : []));
    const stored = new Set(c.query<{ id: string }>('SELECT id FROM events').map((r) => r.id));
    expect(validIds.filter((id) => !stored.has(id))).toEqual([]);
    expect(validIds.length).toBeGreaterThan(2000);
  }, 60_000);

  it('reads: 4,000 random query strings on every GET route, with and without tokens, never give 5xx', async () => {
    const routes = [
      '/v1/stats/summary', '/v1/stats/live', '/v1/quarantine', '/v1/reports/channels', '/v1/reports/breakdown', '/v1/reports/timeseries',
      '/v1/reports/roi', '/v1/reports/retention', '/v1/reports/rfm', '/v1/reports/aipl', '/v1/attribution', '/v1/attribution/compare',
      '/v1/funnels', '/v1/funnels/1/result', '/v1/alerts', '/v1/alerts/rules', '/v1/alerts/events', '/v1/alerts/metrics', '/v1/campaigns',
      '/v1/campaigns/1', '/v1/persons/p1', '/v1/sites', '/v1/metrics', '/v1/dictionary/shop', '/healthz',
    ];
    const qs = fc.sample(queryString, { numRuns: 4000, seed: SEED });
    const tokens = [READ_TOKEN, ADMIN_TOKEN, 'x'.repeat(20), ''];
    const requests = qs.map((q, i) => ({
      path: `${routes[i % routes.length]}?${q}`,
      init: { headers: tokens[i % 4] ? { authorization: `Bearer ${tokens[i % 4]}` } : {} } as RequestInit,
    }));
    expectExplained(await sendAll(requests));
  }, 60_000);

  it('writes: 2,000 random JSON bodies to every admin POST/PUT/DELETE route never give 5xx', async () => {
    const routes: [string, string][] = [
      ['POST', '/v1/funnels/query'], ['POST', '/v1/funnels'], ['POST', '/v1/alerts/preview'], ['POST', '/v1/alerts/rules'],
      ['PUT', '/v1/alerts/rules/1'], ['POST', '/v1/campaigns'], ['PUT', '/v1/campaigns/1'], ['POST', '/v1/persons/merge'],
      ['POST', '/v1/quarantine/replay'], ['POST', '/v1/costs'], ['POST', '/v1/costs/csv'], ['DELETE', '/v1/persons/p1'],
      ['POST', '/v1/alerts/1/ack'], ['POST', '/v1/campaigns/1/review'],
    ];
    const bodies = fc.sample(fc.oneof(fc.json({ maxDepth: 3 }), hostileValue.map((v) => JSON.stringify(v) ?? 'null'), rawBody.map(String)), { numRuns: 2000, seed: SEED });
    const requests = bodies.map((body, i) => {
      const [method, path] = routes[i % routes.length];
      return { path, init: { method, body, headers: { 'content-type': i % 3 ? 'application/json' : 'text/csv', authorization: `Bearer ${i % 2 ? ADMIN_TOKEN : READ_TOKEN}` } } };
    });
    expectExplained(await sendAll(requests));
  }, 60_000);
});
