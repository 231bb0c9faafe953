/**
 * Deleting tags and audiences, paging through members, and audiences that name tags: an unknown
 * tag is a mistake reported at its pointer, and a tag an audience uses cannot be deleted (the
 * audience would silently change meaning: `neq` would then hold for everyone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversion, identify, pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';

let c: TestCollector;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const bi = (en: string) => ({ en, zh: en });
const PERSONS = ['a', 'b', 'c', 'd', 'e'];
const at = (p: string) => ({ anonymousId: p, sessionId: `s-${p}` });
const del = (path: string, token = ADMIN_TOKEN) => fetch(`${c.url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const count = (table: string, column: string, id: string) => (c.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = @id`, { id }))[0].n;

beforeAll(async () => {
  c = await startAnalyticsCollector();
  await send(c, [
    ...PERSONS.map((p, i) => pageView(now - 3 * HOUR + i, '/', at(p))),
    identify(now - 2 * HOUR, 'a-user', {}, { city: 'Beijing' }, at('a')),
  ]);
  const tag = await c.post('/v1/tags', { site: 'shop', id: 'city', name: bi('City'), description: bi('City'), rule: { kind: 'attribute', trait: 'city' } }, admin);
  expect(tag.status).toBe(201);
  // Persons who did not buy this week: all five.
  const saved = await c.post('/v1/audiences', {
    site: 'shop', id: 'no_buy', name: bi('no purchase'), description: bi('no purchase'),
    expression: { type: 'not', of: { type: 'event', event: 'conversion', days: 7 } },
  }, admin);
  expect(saved.body.refresh).toMatchObject({ members: 5, joined: 5 });
  // c buys: she leaves at the next refresh.
  await send(c, [conversion(now - HOUR, 10, 'CNY', at('c'))]);
  const again = await c.post('/v1/audiences/no_buy/refresh?site=shop', {}, admin);
  expect(again.body).toMatchObject({ members: 4, joined: 0, left: 1 });
});
afterAll(async () => { await c.stop(); });

describe('members paging', () => {
  const page = async (query: string) => {
    const res = await c.get(`/v1/audiences/no_buy/members?site=shop&${query}`, READ_TOKEN);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('pages through current members and past spells without gaps or repeats', async () => {
    // a signed in, so her person id is her user id "a-user". Current spells first, then by
    // person id in byte order: "a-user" (61 2D) before "anon:b" (61 6E).
    const current = ['a-user', 'anon:b', 'anon:d', 'anon:e'];
    const pages = [await page('limit=3'), await page('limit=3&offset=3'), await page('limit=3&offset=6')];
    expect(pages.map((p) => p.items.map((m: any) => m.personId))).toEqual([current.slice(0, 3), current.slice(3), []]);
    expect(pages.map((p) => p.total)).toEqual([4, 4, 4]);
    expect(pages[1]).toMatchObject({ offset: 3, limit: 3 });
    // Every spell: the four open ones, then c's closed one.
    const all = await page('current=false&limit=2&offset=3');
    expect(all.items.map((m: any) => [m.personId, m.leftAt === null])).toEqual([['anon:e', true], ['anon:c', false]]);
    expect(all.total).toBe(5);
  });

  it('rejects a bad page with a pointer', async () => {
    for (const [query, path] of [['limit=0', '/query/limit'], ['limit=1001', '/query/limit'], ['offset=-1', '/query/offset'], ['current=maybe', '/query/current']]) {
      const res = await c.get(`/v1/audiences/no_buy/members?site=shop&${query}`, READ_TOKEN);
      expect(res.status, query).toBe(400);
      expect(res.body.error.issues[0].path).toBe(path);
    }
    expect((await c.get('/v1/audiences/nope/members?site=shop', READ_TOKEN)).status).toBe(404);
  });
});

describe('audiences naming tags', () => {
  const byCity = { type: 'and', of: [{ type: 'event', event: 'page_view', days: 7 }, { type: 'tag', tag: 'city', op: 'neq', value: 'Beijing' }] };

  it('rejects an unknown tag at its pointer, in previews and saved audiences', async () => {
    const expression = { type: 'or', of: [{ type: 'tag', tag: 'city', op: 'exists' }, { type: 'not', of: { type: 'tag', tag: 'cty', op: 'exists' } }] };
    const preview = await c.post('/v1/audiences/preview', { site: 'shop', expression }, { authorization: `Bearer ${READ_TOKEN}` });
    expect(preview.status).toBe(400);
    expect(preview.body.error.issues).toEqual([{ path: '/expression/of/1/of/tag', message: 'site "shop" has no tag "cty"', expected: 'a tag id from GET /v1/tags?site=shop' }]);
    const saved = await c.post('/v1/audiences', { site: 'shop', id: 'typo', name: bi('x'), description: bi('x'), expression }, admin);
    expect(saved.status).toBe(400);
    expect(saved.body.error.issues.map((i: any) => i.path)).toEqual(['/expression/of/1/of/tag']);
    expect((await c.get('/v1/audiences/typo?site=shop', READ_TOKEN)).status).toBe(404);
  });

  it('refuses to delete a tag an audience uses', async () => {
    const saved = await c.post('/v1/audiences', { site: 'shop', id: 'not_beijing', name: bi('x'), description: bi('x'), expression: byCity }, admin);
    // neq holds for persons without the tag too: b, c, d, e (a-user is in Beijing).
    expect(saved.body.refresh).toMatchObject({ members: 4 });
    const res = await del('/v1/tags/city?site=shop');
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'tag_in_use', issues: [{ path: '/id', message: 'used by audience "not_beijing"' }] });
    expect((await c.get('/v1/tags/city?site=shop', READ_TOKEN)).status).toBe(200);
  });
});

describe('deleting', () => {
  it('deletes an audience with its members, sizes, push and delivery records', async () => {
    await fetch(`${c.url}/v1/audiences/no_buy/export.csv?site=shop`, { headers: admin }); // nobody consented: nothing delivered
    expect(count('audience_members', 'audience_id', 'no_buy')).toBe(5);
    expect(count('audience_sizes', 'audience_id', 'no_buy')).toBe(2);
    expect((await del('/v1/audiences/no_buy?site=shop', READ_TOKEN)).status).toBe(401);
    expect((await del('/v1/audiences/no_buy?site=shop')).status).toBe(204);
    for (const table of ['audience_members', 'audience_sizes', 'audience_pushed', 'audience_delivered']) expect(count(table, 'audience_id', 'no_buy'), table).toBe(0);
    expect((await c.get('/v1/audiences/no_buy?site=shop', READ_TOKEN)).status).toBe(404);
    expect((await c.get('/v1/audiences?site=shop', READ_TOKEN)).body.items.map((a: any) => a.id)).toEqual(['not_beijing']);
    expect((await del('/v1/audiences/no_buy?site=shop')).status).toBe(404);
    // The other audience keeps its members.
    expect(count('audience_members', 'audience_id', 'not_beijing')).toBe(4);
  });

  it('deletes a tag, once no audience uses it, with its versions, values and run', async () => {
    expect((await del('/v1/audiences/not_beijing?site=shop')).status).toBe(204);
    await c.post('/v1/tags/refresh', { site: 'shop' }, admin);
    expect(count('person_tags', 'tag_id', 'city')).toBe(1);
    expect((await del('/v1/tags/city?site=shop', READ_TOKEN)).status).toBe(401);
    expect((await del('/v1/tags/city?site=shop')).status).toBe(204);
    for (const [table, column] of [['tags', 'id'], ['tag_versions', 'id'], ['person_tags', 'tag_id'], ['tag_runs', 'tag_id']]) expect(count(table, column, 'city'), table).toBe(0);
    expect((await c.get('/v1/persons/a-user/tags?site=shop', READ_TOKEN)).body.tags).toEqual([]);
    const gone = await del('/v1/tags/city?site=shop');
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('unknown_tag');
    // The id is free again and starts over at version 1.
    const again = await c.post('/v1/tags', { site: 'shop', id: 'city', name: bi('City'), description: bi('City'), rule: { kind: 'attribute', trait: 'city' } }, admin);
    expect(again.body).toMatchObject({ id: 'city', version: 1 });
  });
});
