import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../collector/src/alerts/delivery/sign-webhook.js';
import { conversion, identify } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, MIN, send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';
import { startReceiver } from './receiver.js';

let c: TestCollector;
let hook: Awaited<ReturnType<typeof startReceiver>>;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const SECRET = 'trigger-secret-0123456789';
const view = (p: string, at: number) => visitor(`${p}-anon`).event(at, 'view_product', { sku: 'x1', category: 'shoes' });
const said = (p: string, consent: boolean | null, at: number) => identify(at, p, {}, consent === null ? {} : { consent }, { anonymousId: `${p}-anon`, sessionId: `s-${p}-anon` });

beforeAll(async () => {
  c = await startAnalyticsCollector();
  hook = await startReceiver();
  const bi = { en: 'Viewed, did not buy', zh: '浏览未购买' };
  const res = await c.post('/v1/triggers', {
    site: 'shop', id: 'abandon', name: bi, description: bi,
    when: { event: 'view_product', filters: [{ prop: 'category', op: 'eq', value: 'shoes' }] },
    unless: { event: 'conversion', withinMinutes: 60 }, oncePerHours: 24, webhook: { url: hook.url, secret: SECRET },
  }, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await send(c, [
    said('ann', true, now - 4 * HOUR), view('ann', now - 3 * HOUR), view('ann', now - 2 * HOUR), // fires once, not twice
    said('ben', true, now - 4 * HOUR), view('ben', now - 3 * HOUR),
    conversion(now - 3 * HOUR + 30 * MIN, 99, 'CNY', { anonymousId: 'ben-anon', sessionId: 's-ben-anon' }), // bought within the hour
    said('cat', false, now - 4 * HOUR), view('cat', now - 3 * HOUR), // opted out
    said('dan', null, now - 4 * HOUR), view('dan', now - 3 * HOUR), // never said: not under "granted"
    said('eve', true, now - 4 * HOUR), view('eve', now - 10 * MIN), // the hour is not over yet
  ]);
});
afterAll(async () => { await c.stop(); await hook.close(); });

const run = () => c.post('/v1/triggers/run', { site: 'shop' }, admin);

describe('triggers', () => {
  it('fire once and only once per person and window, with consent', async () => {
    const first = await run();
    expect(first.body.triggers).toEqual([{ id: 'abandon', fired: 1, delivered: 1, failed: 0, suppressed: 0 }]);
    const second = await run();
    expect(second.body.triggers[0]).toMatchObject({ fired: 0, delivered: 0 });
    expect(hook.received).toHaveLength(1);
    const body = JSON.parse(hook.received[0].body);
    expect(verifyWebhookSignature(SECRET, hook.received[0].body, hook.received[0].headers['x-maidian-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
    // ann's first view (3 h ago) fired; her second, an hour later, is in the same 24 h window.
    expect(body).toMatchObject({ trigger: 'abandon', personId: 'ann', userId: 'ann', event: { ts: expect.any(String) } });
    expect(Math.abs(Date.parse(body.event.ts) - (now - 3 * HOUR))).toBeLessThan(5_000);
  });

  it('honours consent given later and never contacts an opted-out person', async () => {
    await c.post('/v1/persons/dan/consent', { site: 'shop', granted: true }, admin);
    const res = await run();
    expect(res.body.triggers[0]).toMatchObject({ fired: 1, delivered: 1 });
    const firings = await c.get('/v1/triggers/abandon/firings?site=shop', READ_TOKEN);
    expect(firings.body.items.map((f: any) => f.personId).sort()).toEqual(['ann', 'dan']);
    expect(hook.received.map((r) => JSON.parse(r.body).personId)).not.toContain('cat');
  });
});
