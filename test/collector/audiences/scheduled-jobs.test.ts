/**
 * The scheduled side, called directly with a chosen `now` (the collector calls them every 15
 * minutes and every minute): refreshAllAudiences refreshes tags, audiences (size history) and
 * pushes webhooks; runAllTriggers scans and delivers, once even when two runs overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../collector/src/alerts/delivery/sign-webhook.js';
import { refreshAllAudiences, runAllTriggers } from '../../../collector/src/audiences/audience-jobs.js';
import { sqliteAudienceData } from '../../../collector/src/storage/sqlite/analytics/audiences/sqlite-audience-engine.js';
import { conversion, pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { DAY, HOUR, MIN, send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';
import { startReceiver } from './receiver.js';

let c: TestCollector;
let audienceHook: Awaited<ReturnType<typeof startReceiver>>;
let triggerHook: Awaited<ReturnType<typeof startReceiver>>;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const SECRET = 'jobs-secret-0123456789';
const bi = (en: string) => ({ en, zh: en });
const at = (p: string) => ({ anonymousId: p, sessionId: `s-${p}` });

beforeAll(async () => {
  c = await startAnalyticsCollector();
  audienceHook = await startReceiver();
  triggerHook = await startReceiver();
  await send(c, [
    // Lifecycle persons: x seen 2 h ago, y seen 40 d ago.
    pageView(now - 2 * HOUR, '/', at('x')),
    pageView(now - 40 * DAY, '/', at('y')),
    // Trigger persons: u viewed 30 min ago; v viewed 30 min ago and bought 20 min later;
    // w viewed 26 h ago (older than maxAgeHours 24 after the delay).
    visitor('u').event(now - 30 * MIN, 'view_product', { sku: 't1' }),
    visitor('v').event(now - 30 * MIN, 'view_product', { sku: 't1' }),
    conversion(now - 10 * MIN, 20, 'CNY', at('v')),
    visitor('w').event(now - 26 * HOUR, 'view_product', { sku: 't1' }),
  ]);
  const tag = await c.post('/v1/tags', { site: 'shop', id: 'stage', name: bi('stage'), description: bi('stage'), rule: { kind: 'lifecycle' } }, admin);
  expect(tag.status).toBe(201);
  const audience = await c.post('/v1/audiences', {
    site: 'shop', id: 'dormant', name: bi('dormant'), description: bi('dormant'), expression: { type: 'tag', tag: 'stage', op: 'eq', value: 'dormant' },
    activation: { consent: 'not_withdrawn', webhook: { url: audienceHook.url, secret: SECRET } },
  }, admin);
  // Now: x is new (first seen < 7 d ago), y dormant (last seen 40 d ago: 30 ≤ 40 < 90).
  expect(audience.body.refresh).toMatchObject({ members: 1, joined: 1 });
  const trigger = await c.post('/v1/triggers', {
    site: 'shop', id: 'browse', name: bi('browse'), description: bi('browse'), when: { event: 'view_product' },
    unless: { event: 'conversion', withinMinutes: 60 }, consent: 'not_withdrawn', webhook: { url: triggerHook.url, secret: SECRET },
  }, admin);
  expect(trigger.status).toBe(201);
});
afterAll(async () => { await c.stop(); await audienceHook.close(); await triggerHook.close(); });

/** The pushed body, its signature checked with the timestamp of the chosen `now`. */
const pushedAt = (n: number, when: number) => {
  const r = audienceHook.received[n];
  expect(verifyWebhookSignature(SECRET, r.body, r.headers['x-maidian-signature'] as string, Math.floor(when / 1000))).toBe(true);
  const body = JSON.parse(r.body);
  return { pushedAt: body.pushedAt, added: body.added.map((a: any) => a.personId), removed: body.removed };
};

describe('refreshAllAudiences', () => {
  it('refreshes tags and audiences as of `now`, records sizes and pushes the difference', async () => {
    // 31 days on: x last seen 31 d ago → dormant; y 71 d ago → still dormant (< 90). The
    // trigger persons u, v (seen ~31 d ago) and w (32 d ago) are dormant too.
    const t1 = now + 31 * DAY;
    await refreshAllAudiences(sqliteAudienceData(c.store.db), undefined, { timeZones: { shop: 'Asia/Shanghai' } }, t1);
    const tags = await c.get('/v1/persons/anon:x/tags?site=shop', READ_TOKEN);
    expect(tags.body.tags).toMatchObject([{ id: 'stage', value: 'dormant', computedAt: new Date(t1).toISOString() }]);
    expect(pushedAt(0, t1)).toEqual({ pushedAt: new Date(t1).toISOString(), added: ['anon:u', 'anon:v', 'anon:w', 'anon:x', 'anon:y'], removed: [] });
    // 60 days on: y last seen 100 d ago → churned and leaves; u, v, w, x (60–62 d) stay dormant.
    const t2 = now + 60 * DAY;
    await refreshAllAudiences(sqliteAudienceData(c.store.db), undefined, {}, t2);
    expect(pushedAt(1, t2)).toEqual({ pushedAt: new Date(t2).toISOString(), added: [], removed: ['anon:y'] });
    const sizes = (await c.get('/v1/audiences/dormant?site=shop', READ_TOKEN)).body.sizes;
    // Newest first: t2 (5 − y = 4), t1 (y + u, v, w, x = 5), and the refresh when it was saved (y).
    expect(sizes.slice(0, 2)).toEqual([
      { computedAt: new Date(t2).toISOString(), members: 4, holdout: 0, joined: 0, left: 1 },
      { computedAt: new Date(t1).toISOString(), members: 5, holdout: 0, joined: 4, left: 0 },
    ]);
    expect(sizes[2]).toMatchObject({ members: 1, joined: 1, left: 0 });
    // Nothing changed since: a third run at t2 pushes nothing.
    await refreshAllAudiences(sqliteAudienceData(c.store.db), undefined, {}, t2);
    expect(audienceHook.received).toHaveLength(2);
  });
});

describe('runAllTriggers', () => {
  it('fires once the unless delay has passed, never for stale or cancelled events', async () => {
    // At now, u's view (30 min ago) still waits for the hour to pass; w's is 26 h old.
    await runAllTriggers(sqliteAudienceData(c.store.db), undefined, now);
    expect((await c.get('/v1/triggers/browse/firings?site=shop', READ_TOKEN)).body.items).toEqual([]);
    // 31 min later u's view is 61 min old: due. v bought within the hour; w is beyond
    // maxAgeHours (26 h + 31 min > 24 h + the 60 min delay).
    const t = now + 31 * MIN;
    await runAllTriggers(sqliteAudienceData(c.store.db), undefined, t);
    const firings = (await c.get('/v1/triggers/browse/firings?site=shop', READ_TOKEN)).body.items;
    expect(firings).toMatchObject([{ personId: 'anon:u', status: 'delivered', attempts: 1, createdAt: new Date(t).toISOString() }]);
    expect(triggerHook.received).toHaveLength(1);
    expect(JSON.parse(triggerHook.received[0].body)).toMatchObject({ site: 'shop', trigger: 'browse', personId: 'anon:u', userId: null, firedAt: new Date(t).toISOString() });
  });

  it('delivers once when two runs overlap', async () => {
    await send(c, [visitor('z').event(now - 3 * HOUR, 'view_product', { sku: 't1' })]);
    const t = now + 32 * MIN;
    await Promise.all([runAllTriggers(sqliteAudienceData(c.store.db), undefined, t), runAllTriggers(sqliteAudienceData(c.store.db), undefined, t)]);
    const firings = (await c.get('/v1/triggers/browse/firings?site=shop', READ_TOKEN)).body.items;
    expect(firings.map((f: any) => [f.personId, f.status, f.attempts])).toEqual([['anon:z', 'delivered', 1], ['anon:u', 'delivered', 1]]);
    expect(triggerHook.received.map((r) => JSON.parse(r.body).personId)).toEqual(['anon:u', 'anon:z']);
  });
});
