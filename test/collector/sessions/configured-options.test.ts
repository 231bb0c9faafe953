import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_UA, READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { MINUTE, T0, view } from './session-fixture.js';

// A site configured with a 10-minute session timeout (instead of GA4's 30) must have its sessions
// cut that way by every report, through the collector's own routes.
let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector({ site: { sessions: { sessionTimeoutMs: 10 * MINUTE } } });
});
afterAll(async () => { await c.stop(); });

it('cuts sessions with the timeout from the site config', async () => {
  // Views at 0, 5 and 20 minutes: gaps of 5 and 15 minutes. With a 10-minute timeout the 15-minute
  // gap ends the first session, so there are two sessions: [0, 5] and [20, 20].
  // (With the default 30 minutes it would be one.)
  for (const at of [0, 5, 20]) {
    const res = await c.post('/v1/event', { site: 'shop', key: 'wk_shop_secret', event: view(T0 + at * MINUTE, { anon: 'anon-cfg' }) }, { 'user-agent': CHROME_UA });
    expect(res.status).toBe(200);
  }
  const res = await c.get('/v1/persons/anon:anon-cfg?site=shop', READ_TOKEN);
  expect(res.status).toBe(200);
  const spans = res.body.sessions.map((s: { start: number; end: number }) => [s.start - T0, s.end - T0]);
  expect(spans).toEqual([[0, 5 * MINUTE], [20 * MINUTE, 20 * MINUTE]]);
});
