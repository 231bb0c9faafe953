import { afterEach, expect, it } from 'vitest';
import { batch, pageView } from './helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from './helpers/test-collector.js';

// Sites adjust two analytics definitions in their config: the channel rules (run before the GA4
// defaults) and the AIPL stage rules. Both must reach what ingest stores and what reports answer.
let c: TestCollector | undefined;
afterEach(async () => { await c?.stop(); c = undefined; });

const T = Date.UTC(2026, 2, 2, 4, 0, 0); // 12:00 on 2026-03-02 in Shanghai (the test site's zone)
const withCampaign = (ev: Record<string, any>, campaign: Record<string, string>) => ({ ...ev, context: { ...ev.context, campaign } });

it('applies a site channel rule before the defaults, and leaves other traffic to the defaults', async () => {
  c = await startTestCollector({
    site: { channels: { version: 'partners-1', rules: [{ channel: 'Partners', when: { field: 'source', op: 'equals', value: 'tea-club' } }] } },
  });
  const events = [
    // utm_medium=referral alone would be Referral by the defaults; the site rule wins.
    withCampaign(pageView(T, '/', { anonymousId: 'a', sessionId: 's-a' }), { utm_source: 'tea-club', utm_medium: 'referral' }),
    // Not matched by the site rule: baidu + cpc stays Paid Search.
    withCampaign(pageView(T, '/', { anonymousId: 'b', sessionId: 's-b' }), { utm_source: 'baidu', utm_medium: 'cpc' }),
  ];
  expect((await c.post('/v1/batch', batch(events, T))).body.accepted).toBe(2);
  expect(c.query('SELECT anonymous_id, channel FROM events ORDER BY anonymous_id')).toEqual([
    { anonymous_id: 'a', channel: 'Partners' },
    { anonymous_id: 'b', channel: 'Paid Search' },
  ]);
});

it('refuses a site channel rule with an invalid operator, naming the place', async () => {
  await expect(startTestCollector({ site: { channels: { rules: [{ channel: 'X', when: { field: 'source', op: 'like', value: 'x' } }] } as never } }))
    .rejects.toThrow(/\/sites\/0\/channels\/rules\/0\/when/);
});

it('counts AIPL stages with the site rules', async () => {
  // Interest by the defaults needs an engagement event or 2 sessions; this site counts a single
  // session with a "view_item" event as interest, and nothing else changes.
  c = await startTestCollector({
    site: {
      aipl: {
        awareness: { events: ['page_view'] },
        interest: { events: ['view_item'], minSessions: 5 },
        purchase: { minConversions: 1 },
        loyalty: { minConversions: 2, minMonths: 2, lookbackDays: 365 },
      },
    },
    dictionary: { site: 'shop', version: 1, mode: 'warn', events: {} },
  });
  const viewItem = { ...pageView(T + 1000, '/p', { anonymousId: 'a', sessionId: 's-a' }), event: 'view_item', id: 'evt-view-item-a' };
  const events = [
    pageView(T, '/', { anonymousId: 'a', sessionId: 's-a' }),
    viewItem,
    pageView(T, '/', { anonymousId: 'b', sessionId: 's-b' }),
  ];
  // sentAt is now, so the clock-skew correction leaves the event times at T.
  expect((await c.post('/v1/batch', batch(events, Date.now()))).body.accepted).toBe(3);
  const res = await c.get('/v1/reports/aipl?site=shop&from=2026-03-02&to=2026-03-02', READ_TOKEN);
  expect(res.status).toBe(200);
  const persons = Object.fromEntries(res.body.stages.map((s: { id: string; persons: number }) => [s.id, s.persons]));
  // a: a page view and a view_item → interest (site rule); b: a page view only → awareness.
  expect(persons).toMatchObject({ awareness: 1, interest: 1, purchase: 0, loyalty: 0 });
});
