import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversion, identify } from '../helpers/events.js';
import { READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';

let c: TestCollector;
// Asia/Shanghai: local 10:00 is 02:00 UTC.
const at = (month: number, day: number) => Date.UTC(2024, month - 1, day, 2);
const buy = (anon: string, ts: number, value: number, props: object = {}, currency = 'CNY') =>
  conversion(ts, value, currency, { anonymousId: anon, sessionId: `s-${anon}` }, props);

beforeAll(async () => {
  c = await startAnalyticsCollector();
  await send(c, [
    buy('c1', at(5, 31), 100),
    // user-2 buys on two devices (phone, laptop): one person, 3 orders; order o-2b is sent twice
    // and counts once.
    identify(at(5, 1), 'user-2', {}, {}, { anonymousId: 'c2-phone', sessionId: 's-c2p' }),
    identify(at(5, 1), 'user-2', {}, {}, { anonymousId: 'c2-laptop', sessionId: 's-c2l' }),
    buy('c2-phone', at(5, 10), 200, { order_id: 'o-2a' }),
    buy('c2-laptop', at(5, 15), 200, { order_id: 'o-2b' }),
    buy('c2-laptop', at(5, 15) + 60_000, 200, { order_id: 'o-2b' }),
    buy('c2-phone', at(5, 20), 200, { order_id: 'o-2c' }),
    buy('c3', at(4, 20), 100), buy('c3', at(5, 1), 200),
    // c4's June 3 purchase comes after as_of and is left out.
    buy('c4', at(4, 1), 50), buy('c4', at(6, 3), 5000),
    ...[5, 10, 15, 20].map((d) => buy('c5', at(5, d), 150)), buy('c5', at(6, 1), 400),
  ]);
  await send(c, [buy('crawler', at(5, 30), 9999)], { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
});
afterAll(async () => { await c.stop(); });

const rfm = (query: string) => c.get(`/v1/reports/rfm?site=shop&${query}`, READ_TOKEN);

describe('GET /v1/reports/rfm', () => {
  it('scores persons by quintiles, by hand', async () => {
    const res = await rfm('as_of=2024-06-01');
    expect(res.status).toBe(200);
    // as_of 2024-06-01 = the end of that day in Shanghai = 2024-06-01T16:00:00Z.
    expect(res.body).toMatchObject({ asOf: '2024-06-01T16:00:00.000Z', currency: 'CNY', customers: 5 });
    // Recency: whole days from the last purchase (10:00 local) to June 2 00:00 local:
    //   c1 May 31 → 1 d 14 h → 1; user-2 May 20 → 12; c3 May 1 → 31; c4 Apr 1 → 61; c5 Jun 1 → 0.
    // Frequency: c1 1, user-2 3, c3 2, c4 1, c5 5. Monetary: 100, 600, 300, 50, 1000.
    // With n = 5, score = 1 + floor(5 (rank − 1) / 5) = rank, ties sharing the lowest rank:
    //   R (recent is better): c4 1, c3 2, user-2 3, c1 4, c5 5.
    //   F: c1 and c4 tie at rank 1 → 1; c3 3; user-2 4; c5 5.
    //   M: c4 1, c1 2, c3 3, user-2 4, c5 5.
    // FM = ceil((F + M) / 2): c1 2, user-2 4, c3 3, c4 1, c5 5. Segments, first rule that fits:
    //   c5 (R5, FM5) champions; user-2 (R3, FM4) loyal; c1 (R4, FM2) potential loyalist;
    //   c3 (R2, FM3) at risk; c4 (R1, FM1) lost.
    // Listed by R + F + M: c5 15, user-2 11, c3 8, c1 7, c4 3.
    expect(res.body.persons.items).toEqual([
      { id: 'anon:c5', recencyDays: 0, frequency: 5, monetary: 1000, r: 5, f: 5, m: 5, segment: 'champions' },
      { id: 'user-2', recencyDays: 12, frequency: 3, monetary: 600, r: 3, f: 4, m: 4, segment: 'loyal' },
      { id: 'anon:c3', recencyDays: 31, frequency: 2, monetary: 300, r: 2, f: 3, m: 3, segment: 'at_risk' },
      { id: 'anon:c1', recencyDays: 1, frequency: 1, monetary: 100, r: 4, f: 1, m: 2, segment: 'potential_loyalist' },
      { id: 'anon:c4', recencyDays: 61, frequency: 1, monetary: 50, r: 1, f: 1, m: 1, segment: 'lost' },
    ]);
    const counts = Object.fromEntries(res.body.segments.map((s: any) => [s.id, s.persons]));
    expect(counts).toEqual({
      champions: 1, loyal: 1, potential_loyalist: 1, new: 0, promising: 0, need_attention: 0, cant_lose: 0, at_risk: 1, hibernating: 0, lost: 1,
    });
    expect(res.body.segments[0]).toMatchObject({ id: 'champions', share: 0.2, name: { en: 'Champions' } });
  });

  it('pages and filters the persons', async () => {
    const page = await rfm('as_of=2024-06-01&offset=2&limit=2');
    expect(page.body.persons).toMatchObject({ total: 5, offset: 2, limit: 2 });
    expect(page.body.persons.items.map((p: any) => p.id)).toEqual(['anon:c3', 'anon:c1']);
    const lost = await rfm('as_of=2024-06-01&segment=lost');
    expect(lost.body.persons.items.map((p: any) => p.id)).toEqual(['anon:c4']);
  });

  it('never adds currencies: monetary is in one currency', async () => {
    // No USD conversions: every monetary value is 0, so all tie at M = 1.
    const res = await rfm('as_of=2024-06-01&currency=USD');
    expect(res.body.currency).toBe('USD');
    // Counted CNY conversions before as_of: 1 + 3 + 2 + 1 + 5 = 12 (the bot's is left out).
    expect(res.body.currencies).toEqual([{ currency: 'CNY', conversions: 12 }]);
    expect(res.body.persons.items.every((p: any) => p.monetary === 0 && p.m === 1)).toBe(true);
  });

  it('rejects a bad segment with its pointer', async () => {
    const res = await rfm('segment=vip');
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('/query/segment');
  });
});

