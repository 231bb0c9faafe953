import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_UA, READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { DAY, MINUTE, T0 } from './session-fixture.js';

// The SDK sends the visitor's last touch on every event. A visitor who came from a Baidu ad and
// returns directly a week later must have a Direct second session (entry attribution), with the
// Baidu ad as its last non-direct source — not a second Baidu session.
let c: TestCollector;
beforeAll(async () => { c = await startTestCollector(); });
afterAll(async () => { await c.stop(); });

const landing = 'https://shop.example.com/?utm_source=baidu&utm_medium=cpc&utm_campaign=spring';
const touch = { landing, referrer: 'https://www.baidu.com/s?wd=tea', ts: T0 };
const view = (id: string, at: number, referrer?: string) => ({
  id, ts: at, anonymousId: 'anon-return', sessionId: `client-${at}`, event: 'page_view',
  context: {
    platform: 'web', library: { name: 'maidian', version: '0.1.0' },
    page: { url: 'https://shop.example.com/', path: '/', ...(referrer ? { referrer } : {}) },
    campaign: touch, first: touch,
  },
});

it('counts a later direct return as Direct, crediting the ad only as last non-direct', async () => {
  for (const ev of [view('evt-landing-1', T0, touch.referrer), view('evt-landing-2', T0 + 2 * MINUTE), view('evt-return-1', T0 + 7 * DAY)]) {
    const res = await c.post('/v1/event', { site: 'shop', key: 'wk_shop_secret', event: ev }, { 'user-agent': CHROME_UA });
    expect(res.body.results[0].status).toBe('accepted');
  }
  // Events: the two views of the ad visit carry the ad's source; the return, a week after the
  // touch (far beyond the 30-minute session timeout), carries no campaign and no referrer.
  const rows = c.query<{ id: string; source: string; medium: string; channel: string }>(
    'SELECT id, source, medium, channel FROM events ORDER BY ts');
  expect(rows).toEqual([
    { id: 'evt-landing-1', source: 'baidu', medium: 'cpc', channel: 'Paid Search' },
    { id: 'evt-landing-2', source: 'baidu', medium: 'cpc', channel: 'Paid Search' },
    { id: 'evt-return-1', source: '(direct)', medium: '(none)', channel: 'Direct' },
  ]);
  // Sessions: the return is Direct by entry; its last non-direct source is the ad (7 days < 90).
  const person = await c.get('/v1/persons/anon:anon-return?site=shop', READ_TOKEN);
  expect(person.body.sessions.map((s: { channel: string }) => s.channel)).toEqual(['Paid Search', 'Direct']);
  const sessions = c.query<{ channel: string; lnd_channel: string }>('SELECT channel, lnd_channel FROM sessions ORDER BY start_ts');
  expect(sessions).toEqual([
    { channel: 'Paid Search', lnd_channel: 'Paid Search' },
    { channel: 'Direct', lnd_channel: 'Paid Search' },
  ]);
});
