import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../collector/src/alerts/delivery/sign-webhook.js';
import { pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';
import { createTags, seedPersons } from './audience-fixtures.js';
import { startReceiver } from './receiver.js';

let c: TestCollector;
let hook: Awaited<ReturnType<typeof startReceiver>>;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const SECRET = 'hook-secret-0123456789';
const bi = { en: 'test audience', zh: '测试人群' };

beforeAll(async () => {
  c = await startAnalyticsCollector();
  hook = await startReceiver();
  await seedPersons(c, now);
  await createTags(c, ADMIN_TOKEN, ['city', 'stage']);
  await c.post('/v1/tags/refresh', { site: 'shop' }, admin);
});
afterAll(async () => { await c.stop(); await hook.close(); });

const preview = async (expression: object) => {
  const res = await c.post('/v1/audiences/preview', { site: 'shop', expression }, { authorization: `Bearer ${READ_TOKEN}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return [...res.body.sample].sort();
};
const save = async (id: string, expression: object, extra: object = {}) => {
  const res = await c.post('/v1/audiences', { site: 'shop', id, name: bi, description: bi, expression, ...extra }, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const tag = (t: string, op: string, value?: unknown) => ({ type: 'tag', tag: t, op, ...(value === undefined ? {} : { value }) });

describe('audience expressions', () => {
  // Tags (see audience-fixtures): city alice Beijing, bob Shanghai; stage alice active,
  // bob churned, carol dormant, dave new. Universe: alice, bob, anon:carol, anon:dave.
  it('combines tags and events with AND, OR, NOT, nested', async () => {
    expect(await preview({ type: 'and', of: [tag('city', 'eq', 'Beijing'), { type: 'event', event: 'view_product', days: 7 }] })).toEqual(['alice']);
    // Everyone but the churned bob.
    expect(await preview({ type: 'not', of: tag('stage', 'eq', 'churned') })).toEqual(['alice', 'anon:carol', 'anon:dave']);
    // (has a city AND NOT churned) OR new: alice, dave.
    expect(await preview({ type: 'or', of: [{ type: 'and', of: [tag('city', 'exists'), { type: 'not', of: tag('stage', 'eq', 'churned') }] }, tag('stage', 'eq', 'new')] })).toEqual(['alice', 'anon:dave']);
    // neq includes persons without the tag: bob (Shanghai), carol and dave (no city).
    expect(await preview(tag('city', 'neq', 'Beijing'))).toEqual(['anon:carol', 'anon:dave', 'bob']);
    // Did view_product at least twice in 200 days, with a property filter: only bob viewed bags twice.
    expect(await preview({ type: 'event', event: 'view_product', filters: [{ prop: 'category', op: 'eq', value: 'bags' }], minCount: 2, days: 200 })).toEqual(['bob']);
  });

  it('rejects a malformed node at its pointer', async () => {
    const res = await c.post('/v1/audiences/preview', { site: 'shop', expression: { type: 'and', of: [tag('city', 'eq'), { type: 'xor' }] } }, { authorization: `Bearer ${READ_TOKEN}` });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(['/expression/of/0/value', '/expression/of/1/type']);
  });
});

describe('saved audiences and activation', () => {
  it('records membership spells, sizes and overlap', async () => {
    const dormant = await save('dormant', tag('stage', 'eq', 'dormant'));
    expect(dormant.refresh).toMatchObject({ members: 1, joined: 1, left: 0 });
    await save('with_city', tag('city', 'exists'));
    const overlap = await c.get('/v1/audiences/overlap?site=shop&a=with_city&b=dormant', READ_TOKEN);
    // with_city {alice, bob}, dormant {carol}: nothing shared.
    expect(overlap.body).toMatchObject({ a: 2, b: 1, both: 0, onlyA: 2, onlyB: 1, union: 3, jaccard: 0 });
    // carol comes back: active now, so she leaves the dormant audience.
    await send(c, [pageView(Date.now() - 60_000, '/', { anonymousId: 'carol', sessionId: 's-carol-2' })]);
    const again = await c.post('/v1/audiences/dormant/refresh?site=shop', {}, admin);
    expect(again.body).toMatchObject({ members: 0, joined: 0, left: 1 });
    const spells = await c.get('/v1/audiences/dormant/members?site=shop&current=false', READ_TOKEN);
    expect(spells.body.items).toHaveLength(1);
    expect(spells.body.items[0]).toMatchObject({ personId: 'anon:carol', holdout: false });
    expect(Date.parse(spells.body.items[0].leftAt)).toBeGreaterThan(Date.parse(spells.body.items[0].joinedAt));
    const sizes = (await c.get('/v1/audiences/dormant?site=shop', READ_TOKEN)).body.sizes.map((s: any) => s.members);
    expect(sizes).toEqual([0, 1]);
  });

  it('exports only consenting members, identities as stored hashes', async () => {
    await save('cities', tag('city', 'exists'), { activation: { identities: ['phone', 'email'], consent: 'granted' } });
    const res = await fetch(`${c.url}/v1/audiences/cities/export.csv?site=shop`, { headers: admin });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    // Members alice (consent true) and bob (consent false): bob never leaves the collector.
    expect(lines[0]).toBe('person_id,user_id,phone,email');
    expect(lines).toHaveLength(2);
    const [person, user, phone, email] = lines[1].split(',');
    expect([person, user]).toEqual(['alice', 'alice']);
    expect(phone).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(email).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lines[1]).not.toMatch(/138|Example/i);
  });

  it('pushes added and removed members to a signed webhook', async () => {
    // not_withdrawn: persons who never said are exported too. Members: stage is active or new:
    // alice (consent true), carol (active again since the test above), dave; bob is churned.
    await save('reachable', tag('stage', 'in', ['active', 'new']), { activation: { consent: 'not_withdrawn', webhook: { url: hook.url, secret: SECRET } } });
    const first = await c.post('/v1/audiences/reachable/push?site=shop', {}, admin);
    expect(first.body).toMatchObject({ status: 'pushed', added: 3, removed: 0 });
    // dave withdraws consent: he is still a member, but the next push removes him.
    const consent = await c.post('/v1/persons/anon:dave/consent', { site: 'shop', granted: false, source: 'preference-center' }, admin);
    expect(consent.body).toMatchObject({ personId: 'anon:dave', granted: false });
    const second = await c.post('/v1/audiences/reachable/push?site=shop', {}, admin);
    expect(second.body).toMatchObject({ status: 'pushed', added: 0, removed: 1 });
    const third = await c.post('/v1/audiences/reachable/push?site=shop', {}, admin);
    expect(third.body).toMatchObject({ status: 'unchanged' });
    expect(hook.received).toHaveLength(2);
    const bodies = hook.received.map((r) => {
      const sig = r.headers['x-maidian-signature'] as string;
      expect(verifyWebhookSignature(SECRET, r.body, sig, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifyWebhookSignature('another-secret-0123', r.body, sig, Math.floor(Date.now() / 1000))).toBe(false);
      return JSON.parse(r.body);
    });
    expect(bodies[0].added.map((a: any) => a.personId)).toEqual(['alice', 'anon:carol', 'anon:dave']);
    expect(bodies[0].removed).toEqual([]);
    expect(bodies[1]).toMatchObject({ audience: 'reachable', added: [], removed: ['anon:dave'] });
    const listed = await c.get('/v1/audiences/reachable?site=shop', READ_TOKEN);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
  });
});
