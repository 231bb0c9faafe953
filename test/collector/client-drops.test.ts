import { afterAll, beforeAll, expect, it } from 'vitest';
import { batch, pageView } from './helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from './helpers/test-collector.js';

// An SDK whose offline queue overflowed drops its oldest events and says how many in the next
// batch envelope (`dropped`). The collector never saw those events, so the count is all there is:
// it must be kept and reported, not ignored.
let c: TestCollector;
beforeAll(async () => { c = await startTestCollector(); });
afterAll(async () => { await c.stop(); });

it('stores the dropped counts of batch envelopes and reports their sum in the summary', async () => {
  const now = Date.now();
  const visitor = { anonymousId: 'anon-drop', sessionId: 's-drop' };
  const first = await c.post('/v1/batch', { ...batch([pageView(now, '/', visitor)], now), dropped: 3 });
  const second = await c.post('/v1/batch', { ...batch([pageView(now + 1000, '/a', visitor)], now), dropped: 4 });
  const third = await c.post('/v1/batch', batch([pageView(now + 2000, '/b', visitor)], now));
  for (const res of [first, second, third]) expect(res.status).toBe(200);

  const rows = c.query('SELECT anonymous_id, dropped FROM client_drops ORDER BY dropped');
  expect(rows).toEqual([{ anonymous_id: 'anon-drop', dropped: 3 }, { anonymous_id: 'anon-drop', dropped: 4 }]);

  const later = new Date(now + 60_000).toISOString();
  const res = await c.get(`/v1/stats/summary?site=shop&from=${encodeURIComponent(new Date(now - 60_000).toISOString())}&to=${encodeURIComponent(later)}`, READ_TOKEN);
  // 3 + 4 = 7 events dropped by the SDK in this window.
  expect(res.body.clientDropped).toBe(7);
});

it('rejects a negative dropped count with a pointer to the field', async () => {
  const now = Date.now();
  const res = await c.post('/v1/batch', { ...batch([pageView(now, '/', { anonymousId: 'x', sessionId: 'y' })], now), dropped: -1 });
  expect(res.status).toBe(400);
  expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('/dropped');
});
