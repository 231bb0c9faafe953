/**
 * Trigger delivery: a failed POST is retried on later runs, five attempts at most, then the
 * firing is `failed`; a firing whose person withdrew consent before delivery is `suppressed` and
 * never sent. Also the list, firings and delete endpoints, and disabled triggers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';
import { startReceiver } from './receiver.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let c: TestCollector;
const hooks: Record<string, Receiver> = {};
const answers: Record<string, number> = { flaky: 502, doomed: 500, quiet: 502, off: 200 };
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const SECRET = 'trigger-secret-0123456789';
const bi = { en: 'viewed a product', zh: '浏览商品' };
/** Each trigger watches views of its own sku, so each has exactly one person. */
const SKU: Record<string, string> = { flaky: 'k1', doomed: 'k2', quiet: 'k3', off: 'k4' };
const PERSON: Record<string, string> = { flaky: 'fay', doomed: 'dom', quiet: 'gus', off: 'olga' };

beforeAll(async () => {
  c = await startAnalyticsCollector();
  for (const id of Object.keys(SKU)) {
    hooks[id] = await startReceiver(() => answers[id]);
    const res = await c.post('/v1/triggers', {
      site: 'shop', id, name: bi, description: bi, when: { event: 'view_product', filters: [{ prop: 'sku', op: 'eq', value: SKU[id] }] },
      webhook: { url: hooks[id].url, secret: SECRET }, enabled: id !== 'off',
    }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await send(c, Object.entries(PERSON).flatMap(([id, p]) => [
    identify(now - 3 * HOUR, p, {}, { consent: true }, { anonymousId: `${p}-anon`, sessionId: `s-${p}-anon` }),
    visitor(`${p}-anon`).event(now - 2 * HOUR, 'view_product', { sku: SKU[id] }),
  ]));
});
afterAll(async () => {
  await c.stop();
  for (const h of Object.values(hooks)) await h.close();
});

const run = async (id: string) => {
  const res = await c.post('/v1/triggers/run', { site: 'shop', triggers: [id] }, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.triggers;
};
const firings = async (id: string) => {
  const res = await c.get(`/v1/triggers/${id}/firings?site=shop`, READ_TOKEN);
  expect(res.status).toBe(200);
  return res.body.items;
};

describe('trigger retries', () => {
  it('retries a failed delivery on the next run and records the attempts', async () => {
    // No unless: the view 2 h ago is due at once. Run 1 fires it and the POST gets 502.
    expect(await run('flaky')).toEqual([{ id: 'flaky', fired: 1, delivered: 0, failed: 1, suppressed: 0 }]);
    expect(await firings('flaky')).toMatchObject([{ personId: 'fay', status: 'pending', attempts: 1, deliveredAt: null, lastError: 'the webhook answered HTTP 502' }]);
    // Run 2: no new firing (same window), the pending one is tried again.
    expect(await run('flaky')).toEqual([{ id: 'flaky', fired: 0, delivered: 0, failed: 1, suppressed: 0 }]);
    answers.flaky = 200;
    expect(await run('flaky')).toEqual([{ id: 'flaky', fired: 0, delivered: 1, failed: 0, suppressed: 0 }]);
    const [f] = await firings('flaky');
    expect(f).toMatchObject({ personId: 'fay', status: 'delivered', attempts: 3, lastError: null });
    expect(Date.parse(f.deliveredAt)).toBeGreaterThanOrEqual(now);
    // Three POSTs, all for the same event; nothing after delivery.
    expect(await run('flaky')).toEqual([{ id: 'flaky', fired: 0, delivered: 0, failed: 0, suppressed: 0 }]);
    const bodies = hooks.flaky.received.map((r) => JSON.parse(r.body));
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((b) => b.event.id)).size).toBe(1);
    expect(bodies[0]).toMatchObject({ trigger: 'flaky', personId: 'fay', userId: 'fay' });
  });

  it('gives up after five attempts', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await run('doomed'))[0]).toMatchObject({ failed: 1, delivered: 0 });
      expect((await firings('doomed'))[0]).toMatchObject({ status: 'pending', attempts: attempt });
    }
    // The fifth failure (attempts 4 + 1 = MAX_ATTEMPTS 5) marks the firing failed.
    expect((await run('doomed'))[0]).toMatchObject({ failed: 1 });
    expect((await firings('doomed'))[0]).toMatchObject({ status: 'failed', attempts: 5, lastError: 'the webhook answered HTTP 500' });
    answers.doomed = 200;
    expect(await run('doomed')).toEqual([{ id: 'doomed', fired: 0, delivered: 0, failed: 0, suppressed: 0 }]);
    expect(hooks.doomed.received).toHaveLength(5);
  });
});

describe('suppressed firings', () => {
  it('never sends a firing whose person withdrew consent before delivery', async () => {
    // gus consented when the scan ran, so the firing is recorded; the POST fails.
    expect(await run('quiet')).toEqual([{ id: 'quiet', fired: 1, delivered: 0, failed: 1, suppressed: 0 }]);
    await c.post('/v1/persons/gus/consent', { site: 'shop', granted: false, source: 'unsubscribe-link' }, admin);
    answers.quiet = 200;
    // Consent is checked again at delivery: withdrawn, so suppressed and not retried.
    expect(await run('quiet')).toEqual([{ id: 'quiet', fired: 0, delivered: 0, failed: 0, suppressed: 1 }]);
    expect(await firings('quiet')).toMatchObject([{ personId: 'gus', status: 'suppressed', attempts: 1, deliveredAt: null, lastError: 'consent does not allow contacting this person' }]);
    expect(await run('quiet')).toEqual([{ id: 'quiet', fired: 0, delivered: 0, failed: 0, suppressed: 0 }]);
    expect(hooks.quiet.received).toHaveLength(1); // only the failed first attempt
  });
});

describe('trigger endpoints', () => {
  it('skips disabled triggers', async () => {
    const res = await c.post('/v1/triggers/run', { site: 'shop' }, admin);
    expect(res.body.triggers.map((t: any) => t.id)).toEqual(['doomed', 'flaky', 'quiet']);
    expect(await firings('off')).toEqual([]);
    expect(hooks.off.received).toHaveLength(0);
  });

  it('lists triggers without their secrets, with a read token', async () => {
    expect((await c.get('/v1/triggers?site=shop')).status).toBe(401);
    const list = await c.get('/v1/triggers?site=shop', READ_TOKEN);
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: any) => [t.id, t.definition.enabled])).toEqual([['doomed', true], ['flaky', true], ['off', false], ['quiet', true]]);
    expect(list.body.items[0].definition).toMatchObject({ oncePerHours: 24, maxAgeHours: 24, consent: 'granted', webhook: { url: hooks.doomed.url, secret: '(set)' } });
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    const unknown = await c.get('/v1/triggers/nope/firings?site=shop', READ_TOKEN);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_trigger', issues: [{ path: '/id' }] });
  });

  it('deletes a trigger with its firings', async () => {
    const del = (token: string) => fetch(`${c.url}/v1/triggers/flaky?site=shop`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect((await del(READ_TOKEN)).status).toBe(401);
    expect((await del(ADMIN_TOKEN)).status).toBe(204);
    expect(c.query("SELECT count(*) AS n FROM trigger_firings WHERE trigger_id = 'flaky'")).toEqual([{ n: 0 }]);
    expect((await c.get('/v1/triggers/flaky/firings?site=shop', READ_TOKEN)).status).toBe(404);
    expect((await c.get('/v1/triggers?site=shop', READ_TOKEN)).body.items.map((t: any) => t.id)).toEqual(['doomed', 'off', 'quiet']);
    const again = await del(ADMIN_TOKEN);
    expect(again.status).toBe(404);
    // The other triggers keep their firings.
    expect(c.query("SELECT trigger_id FROM trigger_firings ORDER BY trigger_id")).toEqual([{ trigger_id: 'doomed' }, { trigger_id: 'quiet' }]);
  });
});
