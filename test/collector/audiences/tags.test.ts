import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';
import { createTags, DAY, seedPersons } from './audience-fixtures.js';

let c: TestCollector;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  c = await startAnalyticsCollector();
  await seedPersons(c, now);
  await createTags(c, ADMIN_TOKEN);
});
afterAll(async () => { await c.stop(); });

const refresh = (body: object = {}) => c.post('/v1/tags/refresh', { site: 'shop', ...body }, admin);
const tagsOf = async (person: string) => {
  const res = await c.get(`/v1/persons/${encodeURIComponent(person)}/tags?site=shop`, READ_TOKEN);
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.tags.map((t: any) => [t.id, t.value]));
};

describe('tag values', () => {
  it('computes every kind by hand', async () => {
    const res = await refresh();
    expect(res.status).toBe(200);
    expect(await tagsOf('alice')).toEqual({
      city: 'Beijing',            // the identify 2 d ago replaced Shanghai
      shoe_viewer: 'true',        // 3 shoe views in the last 7 days ≥ 2
      fav_category: 'shoes',      // shoes 3, bags 1
      fav_channel: 'Direct',      // sessions 20 d and 2 d ago direct, 1 d ago Paid Search: Direct 2 > 1
      spend: 'mid',               // 300 CNY: highest band min ≤ 300 is mid (200)
      rfm: 'lost',                // the only customer: every quintile score of a single value is 1 → R1 FM1 = lost
      aipl: 'purchase',           // 1 conversion in 90 days (loyalty needs 2, or 2 months)
      stage: 'active',            // first seen 20 d ago (≥ 7), last 1 d ago (< 30)
    });
    // bob: 100 d ago only. Trait Shanghai; 2 bag views but not in the last 7 days; no purchase;
    // not active in the last 90 days (no AIPL stage); last seen ≥ 90 days ago: churned.
    expect(await tagsOf('bob')).toEqual({ city: 'Shanghai', fav_category: 'bags', fav_channel: 'Direct', stage: 'churned' });
    // carol: page views 40 d ago: awareness; last seen 40 d ago (30 ≤ 40 < 90): dormant.
    expect(await tagsOf('anon:carol')).toEqual({ fav_channel: 'Direct', aipl: 'awareness', stage: 'dormant' });
    // dave: first seen 1 h ago: new.
    expect(await tagsOf('anon:dave')).toEqual({ fav_channel: 'Direct', aipl: 'awareness', stage: 'new' });
  });

  it('records computed_at and refreshes incrementally where the kind allows', async () => {
    await refresh();
    const before = await c.get('/v1/persons/alice/tags?site=shop', READ_TOKEN);
    const cityAt = before.body.tags.find((t: any) => t.id === 'city').computedAt;
    expect(Date.parse(cityAt)).toBeGreaterThanOrEqual(now);
    await send(c, [identify(Date.now() - 60_000, 'bob', {}, { city: 'Guangzhou' }, { anonymousId: 'bob-anon', sessionId: 's-bob' })]);
    const res = await refresh({ tags: ['city', 'stage'] });
    const modes = Object.fromEntries(res.body.tags.map((t: any) => [t.id, t.mode]));
    // Attribute tags are incremental; lifecycle depends on the clock and is always full.
    expect(modes).toEqual({ city: 'incremental', stage: 'full' });
    // Only bob had a new event: one city value written.
    expect(res.body.tags.find((t: any) => t.id === 'city').values).toBe(1);
    expect((await tagsOf('bob')).city).toBe('Guangzhou');
    expect((await tagsOf('bob')).stage).toBe('active'); // the identify a minute ago is an event
    const after = await c.get('/v1/persons/alice/tags?site=shop', READ_TOKEN);
    expect(after.body.tags.find((t: any) => t.id === 'city').computedAt).toBe(cityAt);
  });

  it('versions edits, and a new version recomputes in full', async () => {
    const body = { site: 'shop', name: { en: 'City', zh: '城市' }, description: { en: 'Membership level', zh: '会员等级' }, rule: { kind: 'attribute', trait: 'level' } };
    const res = await fetch(`${c.url}/v1/tags/city`, { method: 'PUT', body: JSON.stringify(body), headers: { ...admin, 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe(2);
    const tag = await c.get('/v1/tags/city?site=shop', READ_TOKEN);
    expect(tag.body.versions.map((v: any) => [v.version, v.definition.rule.trait])).toEqual([[1, 'city'], [2, 'level']]);
    const run = await refresh({ tags: ['city'] });
    expect(run.body.tags[0]).toMatchObject({ id: 'city', version: 2, mode: 'full', values: 0 }); // nobody sent a level
    expect((await tagsOf('alice')).city).toBeUndefined();
  });
});

describe('tag API guards', () => {
  it('rejects a bad rule with a pointer and what is allowed', async () => {
    const res = await c.post('/v1/tags', { site: 'shop', id: 'bad', name: { en: 'x', zh: 'x' }, description: { en: 'x', zh: 'x' }, rule: { kind: 'value', measure: 'revenue_band' } }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(['/rule/currency', '/rule/bands']);
    const kind = await c.post('/v1/tags', { site: 'shop', id: 'bad', name: { en: 'x', zh: 'x' }, description: { en: 'x', zh: 'x' }, rule: { kind: 'mood' } }, admin);
    expect(kind.status).toBe(400);
    expect(kind.body.error.issues[0].path).toBe('/rule/kind');
  });

  it('takes the admin token to write and a read token to read', async () => {
    const body = { site: 'shop', id: 'x', name: { en: 'x', zh: 'x' }, description: { en: 'x', zh: 'x' }, rule: { kind: 'lifecycle' } };
    expect((await c.post('/v1/tags', body, { authorization: `Bearer ${READ_TOKEN}` })).status).toBe(401);
    expect((await c.post('/v1/tags', { ...body, id: 'city' }, admin)).status).toBe(409);
    expect((await c.get('/v1/tags?site=shop')).status).toBe(401);
    const list = await c.get('/v1/tags?site=shop', READ_TOKEN);
    expect(list.body.items.map((t: any) => t.id)).toEqual(['aipl', 'city', 'fav_category', 'fav_channel', 'rfm', 'shoe_viewer', 'spend', 'stage']);
    expect(list.body.items[1].description.zh).toBe('会员等级');
  });
});
