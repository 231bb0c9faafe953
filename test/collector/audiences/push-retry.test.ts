/**
 * A webhook push that fails is sent again whole: the remembered membership (what the channel has
 * acknowledged) only moves on after a 2xx, and only then do the persons count as delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../collector/src/alerts/delivery/sign-webhook.js';
import { pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';
import { startReceiver } from './receiver.js';

let c: TestCollector;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let answer = 502;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const SECRET = 'push-secret-0123456789';
const bi = { en: 'visited this week', zh: '本周访问' };
const visit = (p: string, at: number) => pageView(at, '/', { anonymousId: p, sessionId: `s-${p}` });

beforeAll(async () => {
  c = await startAnalyticsCollector();
  hook = await startReceiver(() => answer);
  await send(c, [visit('p1', now - 3 * HOUR), visit('p2', now - 2 * HOUR), visit('p3', now - HOUR)]);
  // not_withdrawn: the three never made a statement, so all three may leave the collector.
  const res = await c.post('/v1/audiences', {
    site: 'shop', id: 'weekly', name: bi, description: bi, expression: { type: 'event', event: 'page_view', days: 7 },
    activation: { consent: 'not_withdrawn', webhook: { url: hook.url, secret: SECRET } },
  }, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
});
afterAll(async () => { await c.stop(); await hook.close(); });

const push = () => c.post('/v1/audiences/weekly/push?site=shop', {}, admin);
const pushed = () => c.query<{ person_id: string }>("SELECT person_id FROM audience_pushed WHERE audience_id = 'weekly' ORDER BY person_id").map((r) => r.person_id);
const delivered = () => c.query<{ person_id: string }>("SELECT person_id FROM audience_delivered WHERE audience_id = 'weekly' ORDER BY person_id").map((r) => r.person_id);
/** The body of the n-th request the receiver got, after checking its signature. */
const bodyOf = (n: number) => {
  const r = hook.received[n];
  const t = Number(/t=(\d+)/.exec(r.headers['x-maidian-signature'] as string)![1]);
  expect(verifyWebhookSignature(SECRET, r.body, r.headers['x-maidian-signature'] as string, t)).toBe(true);
  const body = JSON.parse(r.body);
  return { added: body.added.map((a: any) => a.personId), removed: body.removed };
};

describe('webhook push after a failure', () => {
  it('keeps nothing from a push the receiver rejected, and sends it whole again', async () => {
    const first = await push();
    expect(first.status).toBe(502);
    expect(first.body).toMatchObject({ status: 'failed', added: 3, removed: 0, error: 'the webhook answered HTTP 502' });
    expect(pushed()).toEqual([]);
    // Not acknowledged, so not handed over: the lift report must not count them as treated.
    expect(delivered()).toEqual([]);
    const second = await push();
    expect(second.body).toMatchObject({ status: 'failed', added: 3, removed: 0 });
    expect(hook.received).toHaveLength(2);
    expect(bodyOf(0)).toEqual({ added: ['anon:p1', 'anon:p2', 'anon:p3'], removed: [] });
    expect(bodyOf(1)).toEqual(bodyOf(0));
  });

  it('moves the remembered membership on after a 2xx only', async () => {
    answer = 200;
    const ok = await push();
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'pushed', added: 3, removed: 0 });
    expect(bodyOf(2)).toEqual({ added: ['anon:p1', 'anon:p2', 'anon:p3'], removed: [] });
    expect(pushed()).toEqual(['anon:p1', 'anon:p2', 'anon:p3']);
    expect(delivered()).toEqual(['anon:p1', 'anon:p2', 'anon:p3']);
  });

  it('resends a failed difference (added and removed) in full', async () => {
    // p1 withdraws consent (must be removed), p4 arrives (must be added).
    await c.post('/v1/persons/anon:p1/consent', { site: 'shop', granted: false }, admin);
    await send(c, [visit('p4', Date.now() - 60_000)]);
    const refreshed = await c.post('/v1/audiences/weekly/refresh?site=shop', {}, admin);
    expect(refreshed.body).toMatchObject({ members: 4, joined: 1, left: 0 }); // p1 is still a member
    answer = 503;
    const failed = await push();
    expect(failed.body).toMatchObject({ status: 'failed', added: 1, removed: 1, error: 'the webhook answered HTTP 503' });
    expect(pushed()).toEqual(['anon:p1', 'anon:p2', 'anon:p3']);
    expect(delivered()).toEqual(['anon:p1', 'anon:p2', 'anon:p3']);
    answer = 204;
    const ok = await push();
    expect(ok.body).toMatchObject({ status: 'pushed', added: 1, removed: 1 });
    expect(bodyOf(3)).toEqual({ added: ['anon:p4'], removed: ['anon:p1'] });
    expect(bodyOf(4)).toEqual(bodyOf(3));
    expect(pushed()).toEqual(['anon:p2', 'anon:p3', 'anon:p4']);
    // Delivered keeps everyone ever handed over (p1 was, before withdrawing).
    expect(delivered()).toEqual(['anon:p1', 'anon:p2', 'anon:p3', 'anon:p4']);
    const again = await push();
    expect(again.body).toEqual({ status: 'unchanged', members: 3 });
    expect(hook.received).toHaveLength(5);
  });

  it('sends a difference once when two pushes overlap', async () => {
    await send(c, [visit('p5', Date.now() - 60_000)]);
    await c.post('/v1/audiences/weekly/refresh?site=shop', {}, admin);
    answer = 200;
    const both = await Promise.all([push(), push()]);
    // The second waits for the first, then finds nothing new.
    expect(both.map((r) => r.body.status)).toEqual(['pushed', 'unchanged']);
    expect(hook.received).toHaveLength(6);
    expect(bodyOf(5)).toEqual({ added: ['anon:p5'], removed: [] });
  });

  it('reports an unreachable receiver as a failed push, state unchanged', async () => {
    const closed = await startReceiver();
    await closed.close();
    const res = await c.post('/v1/audiences', {
      site: 'shop', id: 'nowhere', name: bi, description: bi, expression: { type: 'event', event: 'page_view', days: 7 },
      activation: { consent: 'not_withdrawn', webhook: { url: closed.url, secret: SECRET } },
    }, admin);
    expect(res.status).toBe(201);
    const failed = await c.post('/v1/audiences/nowhere/push?site=shop', {}, admin);
    expect(failed.status).toBe(502);
    // Exportable: p2, p3, p4, p5 (p1 withdrew).
    expect(failed.body).toMatchObject({ status: 'failed', added: 4, removed: 0 });
    expect(failed.body.error).toMatch(/^the webhook could not be reached/);
    expect(c.query("SELECT count(*) AS n FROM audience_pushed WHERE audience_id = 'nowhere'")).toEqual([{ n: 0 }]);
  });
});
