import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversion, identify } from '../helpers/events.js';
import { READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';

let c: TestCollector;
// Asia/Shanghai: local 10:00 is 02:00 UTC.
const at = (month: number, day: number) => Date.UTC(2024, month - 1, day, 2);
const buy = (anon: string, ts: number) => conversion(ts, 100, 'CNY', { anonymousId: anon, sessionId: `s-${anon}` });

beforeAll(async () => {
  c = await startAnalyticsCollector();
  const [a1, a2, a3, a4, a7, a9] = ['a1', 'a2', 'a3', 'a4', 'a7', 'a9'].map((id) => visitor(id));
  await send(c, [
    a1.page(at(5, 2), '/'), // one page view → awareness
    a2.page(at(5, 3), '/'), a2.event(at(5, 3) + 60_000, 'view_product'), // product view → interest
    a3.page(at(5, 4), '/'), a3.page(at(5, 4) + 2 * HOUR, '/'), // two sessions → interest
    a4.page(at(5, 5), '/'), buy('a4', at(5, 5) + 60_000), // one conversion → purchase
    buy('a5', at(5, 6)), buy('a5', at(5, 20)), // two conversions in May → loyalty
    buy('a6', at(3, 15)), buy('a6', at(5, 7)), // March and May: two months within a year → loyalty
    buy('a7', at(3, 15)), a7.page(at(5, 8), '/'), // bought in March only; in May just a page view → awareness
    identify(at(5, 9), 'user-8', {}, {}, { anonymousId: 'a8', sessionId: 's-a8' }), // only an identify → none
    a9.page(at(4, 20), '/'), // active in April only: not in May's population
  ]);
  const bot = visitor('crawler');
  await send(c, [bot.page(at(5, 10), '/'), bot.event(at(5, 10), 'view_product')], {
    'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
});
afterAll(async () => { await c.stop(); });

describe('GET /v1/reports/aipl', () => {
  it('counts each active person once, at the highest stage, by hand', async () => {
    const res = await c.get('/v1/reports/aipl?site=shop&from=2024-05-01&to=2024-05-31', READ_TOKEN);
    expect(res.status).toBe(200);
    // Active in May: a1…a8 = 8 (a9 and the crawler are not).
    expect(res.body.activePersons).toBe(8);
    const byStage = res.body.stages.map((s: any) => [s.id, s.persons, s.reached]);
    expect(byStage).toEqual([
      ['none', 1, 8], // a8
      ['awareness', 2, 7], // a1, a7
      ['interest', 2, 5], // a2, a3
      ['purchase', 1, 3], // a4
      ['loyalty', 2, 2], // a5, a6
    ]);
    expect(res.body.stages[4]).toMatchObject({ name: { en: 'Loyalty', zh: '忠诚' }, share: 2 / 8 });
    expect(res.body.rules.loyalty).toEqual({ minConversions: 2, minMonths: 2, lookbackDays: 365 });
  });

  it('a shorter range sees fewer persons', async () => {
    // May 2–4 local: a1 (awareness), a2 (interest), a3 (interest).
    const res = await c.get('/v1/reports/aipl?site=shop&from=2024-05-02&to=2024-05-04', READ_TOKEN);
    expect(res.body.activePersons).toBe(3);
    expect(res.body.stages.map((s: any) => s.persons)).toEqual([0, 1, 2, 0, 0]);
  });

  it('needs a read token', async () => {
    expect((await c.get('/v1/reports/aipl?site=shop&from=2024-05-01&to=2024-05-31')).status).toBe(401);
  });
});
