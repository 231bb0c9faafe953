import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { MIN, send, startAnalyticsCollector, visitor } from './funnel-fixtures.js';

let c: TestCollector;
const T = Date.UTC(2024, 4, 1, 2); // 10:00 on May 1 in Shanghai
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const definition = { steps: [{ event: 'view_product' }, { event: 'add_to_cart' }], window: { value: 30, unit: 'minute' } };

beforeAll(async () => {
  c = await startAnalyticsCollector();
  const [a, b] = [visitor('a'), visitor('b')];
  // a converts within 10 minutes, b views only: entrants [2, 1].
  await send(c, [a.event(T, 'view_product'), a.event(T + 10 * MIN, 'add_to_cart'), b.event(T, 'view_product')]);
});
afterAll(async () => { await c.stop(); });

const issuesOf = (res: { body: any }) => res.body.error.issues.map((i: any) => i.path);

describe('POST /v1/funnels/query validation', () => {
  const query = (body: object) => c.post('/v1/funnels/query', { site: 'shop', from: '2024-05-01', to: '2024-05-01', ...definition, ...body }, bearer(READ_TOKEN));

  it('needs 2 to 10 steps', async () => {
    const res = await query({ steps: [{ event: 'view_product' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(issuesOf(res)).toEqual(['/steps']);
  });
  it('rejects a property name that could break out of a JSON path', async () => {
    const res = await query({ steps: [{ event: 'view_product', filters: [{ prop: 'a"]) OR 1=1 --', op: 'eq', value: 1 }] }, { event: 'add_to_cart' }] });
    expect(res.status).toBe(400);
    expect(issuesOf(res)).toEqual(['/steps/0/filters/0/prop']);
  });
  it('says which value an operator takes', async () => {
    const res = await query({ steps: [{ event: 'view_product', filters: [{ prop: 'price', op: 'gt', value: '100' }] }, { event: 'add_to_cart' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toMatchObject({ path: '/steps/0/filters/0/value', message: expect.stringContaining('must be a number') });
  });
  it('keeps the window between 1 minute and 90 days', async () => {
    const res = await query({ window: { value: 91, unit: 'day' } });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toMatchObject({ path: '/window', message: expect.stringContaining('90 days') });
  });
  it('checks exclusion bounds against the steps', async () => {
    const res = await query({ exclusions: [{ event: 'remove_from_cart', between: [2, 3] }] });
    expect(res.status).toBe(400);
    expect(issuesOf(res)).toEqual(['/exclusions/0/between']);
  });
  it('rejects an unknown breakdown', async () => {
    const res = await query({ breakdown: 'country' });
    expect(res.status).toBe(400);
    expect(issuesOf(res)).toEqual(['/breakdown']);
  });
  it('needs a read token of the site', async () => {
    expect((await c.post('/v1/funnels/query', { site: 'shop', ...definition })).status).toBe(401);
    const res = await c.post('/v1/funnels/query', { site: 'other', from: '2024-05-01', to: '2024-05-01', ...definition }, bearer(READ_TOKEN));
    expect(res.status).toBe(403);
  });
});

describe('saved funnels', () => {
  it('saves with the admin token, lists and runs with a read token, and deletes', async () => {
    const denied = await c.post('/v1/funnels', { site: 'shop', name: 'Cart', definition }, bearer(READ_TOKEN));
    expect(denied.status).toBe(401);

    const saved = await c.post('/v1/funnels', { site: 'shop', name: 'Cart', definition }, bearer(ADMIN_TOKEN));
    expect(saved.status).toBe(201);
    // Stored with its defaults applied.
    expect(saved.body).toMatchObject({ name: 'Cart', definition: { ...definition, countBy: 'person', mode: 'default' } });
    const id = saved.body.id;

    const list = await c.get('/v1/funnels?site=shop', READ_TOKEN);
    expect(list.body.items.map((f: any) => [f.id, f.name])).toEqual([[id, 'Cart']]);

    const result = await c.get(`/v1/funnels/${id}/result?site=shop&from=2024-05-01&to=2024-05-01`, READ_TOKEN);
    expect(result.status).toBe(200);
    // a and b viewed, a added to cart 10 minutes later (inside the 30-minute window).
    expect(result.body).toMatchObject({ id, name: 'Cart', site: 'shop' });
    expect(result.body.steps.map((s: any) => s.entrants)).toEqual([2, 1]);
    expect(result.body.steps[1].medianTimeToConvertMs).toBe(10 * MIN);

    const del = await fetch(`${c.url}/v1/funnels/${id}?site=shop`, { method: 'DELETE', headers: bearer(ADMIN_TOKEN) });
    expect(del.status).toBe(204);
    const gone = await c.get(`/v1/funnels/${id}/result?site=shop&from=2024-05-01&to=2024-05-01`, READ_TOKEN);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('unknown_funnel');
  });

  it('rejects an invalid definition with pointers into it', async () => {
    const res = await c.post('/v1/funnels', { site: 'shop', name: 'Bad', definition: { ...definition, mode: 'fastest' } }, bearer(ADMIN_TOKEN));
    expect(res.status).toBe(400);
    expect(issuesOf(res)).toEqual(['/definition/mode']);
  });
});
