import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';

let c: TestCollector;
beforeEach(async () => { c = await startAnalyticsCollector(); });
afterEach(async () => { await c.stop(); });

// Site "shop" is in Asia/Shanghai (UTC+8): local hour h of day d is UTC hour h − 8.
const local = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2024, month - 1, day, hour - 8, minute);
const retention = (query: string) => c.get(`/v1/reports/retention?site=shop&${query}`, READ_TOKEN);

describe('GET /v1/reports/retention', () => {
  it('cohorts by first visit per day, cut at midnight in the site time zone', async () => {
    const [p1, p2, p3, p4, p5] = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => visitor(id));
    await send(c, [
      p1.page(local(5, 1, 10), '/'), p1.page(local(5, 2, 10), '/'), // May 1, back May 2
      p2.page(local(5, 1, 12), '/'), p2.page(local(5, 3, 12), '/'), // May 1, back May 3
      p3.page(local(5, 2, 9), '/'), // May 2, never back
      p4.page(local(4, 30, 10), '/'), p4.page(local(5, 1, 10), '/'), // first seen April 30: no cohort
      // 23:30 on May 1 and 00:30 on May 2 local time (both May 1 in UTC): two different days.
      p5.page(local(5, 1, 23, 30), '/'), p5.page(local(5, 2, 0, 30), '/'),
    ]);
    const bot = visitor('crawler');
    await send(c, [bot.page(local(5, 1, 10), '/'), bot.page(local(5, 2, 10), '/')], {
      'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    const res = await retention('from=2024-05-01&to=2024-05-02&periods=3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cohort: 'first_visit', period: 'day', returnEvent: null, periods: 3, timezone: 'Asia/Shanghai' });
    expect(res.body.cohorts).toEqual([
      // May 1: p1, p2, p5 (3). Any event counts as a return: day 0 all 3; day 1 (May 2) p1 and
      // p5; day 2 (May 3) p2 → [3, 2, 1] → rates [1, 2/3, 1/3].
      { start: '2024-05-01', size: 3, retained: [3, 2, 1], rates: [1, 2 / 3, 1 / 3] },
      // May 2: p3 alone, never back.
      { start: '2024-05-02', size: 1, retained: [1, 0, 0], rates: [1, 0, 0] },
    ]);
    // Average over both cohorts: (3 + 1) / 4, (2 + 0) / 4, (1 + 0) / 4.
    expect(res.body.average).toEqual([1, 0.5, 0.25]);
  });

  it('cohorts by signup per ISO week, with a chosen return event', async () => {
    const [q1, q2, q3] = ['q1', 'q2', 'q3'].map((id) => visitor(id));
    await send(c, [
      // q1 signs up Thursday May 2 (week of Mon Apr 29), checks out Tuesday May 7 (next week).
      q1.event(local(5, 2, 10), 'signup', { plan: 'pro' }), q1.event(local(5, 7, 10), 'checkout'),
      // q2 signs up and checks out on Monday May 6.
      q2.event(local(5, 6, 10), 'signup', { plan: 'basic' }), q2.event(local(5, 6, 11), 'checkout'),
      // q3 visits on May 1 but signs up on Thursday May 9 (week of May 6); never checks out.
      q3.page(local(5, 1, 10), '/'), q3.event(local(5, 9, 10), 'signup', { plan: 'basic' }),
    ]);
    const res = await retention('from=2024-05-01&to=2024-05-08&cohort=signup&period=week&return_event=checkout&periods=2');
    expect(res.status).toBe(200);
    // from (Wed May 1) and to (Wed May 8) widen to their weeks: Apr 29 – May 5 and May 6 – 12.
    expect(res.body.cohorts).toEqual([
      { start: '2024-04-29', size: 1, retained: [0, 1], rates: [0, 1] },
      { start: '2024-05-06', size: 2, retained: [1, 0], rates: [0.5, 0] },
    ]);
  });

  it('reports periods that have not begun as null', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await retention(`from=${today}&to=${today}&periods=3`);
    expect(res.status).toBe(200);
    // Today's cohort is empty; period 0 has begun, periods 1 and 2 (tomorrow on) have not.
    expect(res.body.cohorts[0]).toMatchObject({ size: 0, retained: [0, null, null], rates: [null, null, null] });
  });

  it('rejects bad queries with pointers', async () => {
    const bad = await retention('from=2024-05-01&to=2024-05-02&period=month');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('/query/period');
    const long = await retention('from=2023-01-01&to=2024-05-02');
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('at most 366');
    const name = await retention('from=2024-05-01&to=2024-05-02&return_event=a%20b');
    expect(name.body.error.issues[0].path).toBe('/query/return_event');
  });
});
