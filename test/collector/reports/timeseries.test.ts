import { afterEach, describe, expect, it } from 'vitest';
import { batch, conversion, pageView } from '../helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';

let c: TestCollector | undefined;
afterEach(async () => { await c?.stop(); c = undefined; });

/** One page view per instant, each from its own visitor (so each is one session). */
async function seedViews(instants: string[]): Promise<void> {
  const events = instants.map((iso, i) => pageView(Date.parse(iso), '/', { anonymousId: `v-${i}`, sessionId: `s-${i}` }));
  const res = await c!.post('/v1/batch', batch(events, Date.now()));
  expect(res.body.accepted).toBe(events.length);
}
const series = async (query: string) => {
  const res = await c!.get(`/v1/reports/timeseries?site=shop&${query}`, READ_TOKEN);
  expect(res.status).toBe(200);
  return res.body.points as any[];
};

describe('GET /v1/reports/timeseries in America/New_York across the spring DST change (2026-03-08)', () => {
  it('cuts days and hours on local wall-clock time', async () => {
    c = await startTestCollector({ site: { timezone: 'America/New_York' } });
    await seedViews([
      '2026-03-08T04:30:00Z', // 23:30 EST on Mar 7
      '2026-03-08T06:30:00Z', // 01:30 EST on Mar 8
      '2026-03-08T07:30:00Z', // 03:30 EDT on Mar 8 (02:00–03:00 does not exist)
      '2026-03-09T03:30:00Z', // 23:30 EDT on Mar 8
      '2026-03-09T04:30:00Z', // 00:30 EDT on Mar 9 (with a fixed −5 h it would wrongly be Mar 8)
    ]);
    const days = await series('from=2026-03-07&to=2026-03-09&interval=day&metrics=pageviews,sessions');
    expect(days).toEqual([
      { start: '2026-03-07T00:00:00-05:00', startUtc: '2026-03-07T05:00:00.000Z', endUtc: '2026-03-08T05:00:00.000Z', pageviews: 1, sessions: 1 },
      // Mar 8 has 23 hours: 05:00Z to 04:00Z the next day.
      { start: '2026-03-08T00:00:00-05:00', startUtc: '2026-03-08T05:00:00.000Z', endUtc: '2026-03-09T04:00:00.000Z', pageviews: 3, sessions: 3 },
      { start: '2026-03-09T00:00:00-04:00', startUtc: '2026-03-09T04:00:00.000Z', endUtc: '2026-03-10T04:00:00.000Z', pageviews: 1, sessions: 1 },
    ]);
    const hours = await series('from=2026-03-08&to=2026-03-08&interval=hour&metrics=pageviews');
    // 23 hourly buckets; 01:00 EST is followed by 03:00 EDT; empty hours are there with 0.
    expect(hours).toHaveLength(23);
    expect(hours.slice(0, 4).map((p) => [p.start, p.pageviews])).toEqual([
      ['2026-03-08T00:00:00-05:00', 0],
      ['2026-03-08T01:00:00-05:00', 1],
      ['2026-03-08T03:00:00-04:00', 1],
      ['2026-03-08T04:00:00-04:00', 0],
    ]);
    expect(hours[22]).toMatchObject({ start: '2026-03-08T23:00:00-04:00', pageviews: 1 });
  });
});

describe('GET /v1/reports/timeseries in Asia/Shanghai', () => {
  it('starts weeks on Monday and months on the 1st, local time', async () => {
    c = await startTestCollector();
    await seedViews([
      '2026-03-01T15:30:00Z', // Sunday Mar 1, 23:30 in Shanghai → week of Mon Feb 23
      '2026-03-01T16:30:00Z', // Monday Mar 2, 00:30 → week of Mar 2
      '2026-03-31T16:30:00Z', // Wednesday Apr 1, 00:30 → April, week of Mar 30
    ]);
    const weeks = await series('from=2026-03-01&to=2026-04-01&interval=week&metrics=sessions');
    expect(weeks.map((p) => [p.start, p.sessions])).toEqual([
      ['2026-02-23T00:00:00+08:00', 1],
      ['2026-03-02T00:00:00+08:00', 1],
      ['2026-03-09T00:00:00+08:00', 0],
      ['2026-03-16T00:00:00+08:00', 0],
      ['2026-03-23T00:00:00+08:00', 0],
      ['2026-03-30T00:00:00+08:00', 1],
    ]);
    const months = await series('from=2026-03-01&to=2026-04-30&interval=month&metrics=sessions,pageviews');
    expect(months.map((p) => [p.start, p.sessions, p.pageviews])).toEqual([
      ['2026-03-01T00:00:00+08:00', 2, 2],
      ['2026-04-01T00:00:00+08:00', 1, 1],
    ]);
  });

  it('carries conversions, revenue per currency and conversion rate per day', async () => {
    c = await startTestCollector();
    const a = { anonymousId: 'a', sessionId: 'sa' };
    const b = { anonymousId: 'b', sessionId: 'sb' };
    const events = [
      pageView(Date.parse('2026-03-02T02:00:00Z'), '/', a), // Mar 2 10:00
      conversion(Date.parse('2026-03-02T02:05:00Z'), 100, 'CNY', a),
      conversion(Date.parse('2026-03-02T02:06:00Z'), 5, 'USD', a),
      pageView(Date.parse('2026-03-02T03:00:00Z'), '/', b), // Mar 2 11:00, no purchase
    ];
    expect((await c.post('/v1/batch', batch(events, Date.now()))).body.accepted).toBe(4);
    const days = await series('from=2026-03-01&to=2026-03-02&interval=day');
    // Mar 1: nothing. Mar 2: 2 sessions of 2 people, 1 converting → rate 1/2; 2 conversions.
    expect(days[0]).toMatchObject({ sessions: 0, users: 0, pageviews: 0, conversions: 0, converting_sessions: 0, conversion_rate: null, revenue: [] });
    expect(days[1]).toMatchObject({ sessions: 2, users: 2, pageviews: 2, conversions: 2, converting_sessions: 1, conversion_rate: 0.5, revenue: [{ currency: 'CNY', amount: 100 }, { currency: 'USD', amount: 5 }] });
  });

  it('refuses unknown metrics and too many buckets', async () => {
    c = await startTestCollector();
    const bad = await c.get('/v1/reports/timeseries?site=shop&from=2026-03-01&to=2026-03-02&metrics=sessions,bounces', READ_TOKEN);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toMatch(/^\/query\/metrics/);
    // 2020–2026 hourly is about 61,000 buckets, more than 5000.
    const big = await c.get('/v1/reports/timeseries?site=shop&from=2020-01-01&to=2026-12-31&interval=hour', READ_TOKEN);
    expect(big.status).toBe(400);
    expect(big.body.error.issues[0].path).toBe('/query/interval');
  });
});
