import { afterAll, beforeAll, expect, it } from 'vitest';
import { batch, pageView } from './helpers/events.js';
import { startTestCollector, type TestCollector } from './helpers/test-collector.js';

// The script tag posts to `${endpoint}/v1/batch` without dropping a trailing slash of the
// endpoint, so `data-endpoint="https://t.example.com/"` requests `//v1/batch`. The collector reads
// a leading run of slashes as one; slashes elsewhere in the path are left as they are.
let c: TestCollector;
beforeAll(async () => { c = await startTestCollector(); });
afterAll(async () => { await c.stop(); });

it('accepts and stores a batch posted to //v1/batch and ///v1/batch', async () => {
  const now = Date.now();
  const two = pageView(now, '/two', { anonymousId: 'anon-slash', sessionId: 's-slash' });
  const three = pageView(now + 1000, '/three', { anonymousId: 'anon-slash', sessionId: 's-slash' });
  const a = await c.post('//v1/batch', batch([two], now));
  const b = await c.post('///v1/batch', batch([three], now));
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(a.body.results[0]).toMatchObject({ id: two.id, status: 'accepted' });
  const rows = c.query("SELECT id FROM events WHERE anonymous_id = 'anon-slash' ORDER BY ts");
  expect(rows).toEqual([{ id: two.id }, { id: three.id }]);
});

it('leaves doubled slashes inside the path alone', async () => {
  const now = Date.now();
  const res = await c.post('/v1//batch', batch([pageView(now, '/', { anonymousId: 'anon-inner', sessionId: 's-inner' })], now));
  expect(res.status).toBe(404);
  expect(c.query("SELECT id FROM events WHERE anonymous_id = 'anon-inner'")).toEqual([]);
});
