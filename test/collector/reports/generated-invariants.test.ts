/**
 * A generated shop month (seeded PRNG, so every run sees the same data): many visitors, several
 * channels, people on two devices, repeated orders, two currencies, a crawler. The reports must
 * agree with each other and every attribution model must hand out exactly the totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, conversion, identify, pageView, TRAFFIC_SOURCES as SOURCES } from '../helpers/events.js';
import { READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { mulberry32 as prng } from '../../../collector/src/analytics/random.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 1, 0, 0); // 08:00 on Mar 1 in Shanghai


function generate(seed: number): Record<string, any>[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const events: Record<string, any>[] = [];
  for (let v = 0; v < 80; v++) {
    // Every fifth visitor is the second device of the visitor before it (same user id).
    const user = v % 5 === 4 ? `u-${v - 1}` : rnd() < 0.3 ? `u-${v}` : null;
    const sessions = 1 + Math.floor(rnd() * 4);
    let t = START + Math.floor(rnd() * 20 * DAY);
    for (let s = 0; s < sessions; s++) {
      const who = { anonymousId: `gen-${v}`, sessionId: `gen-${v}-${s}` };
      const ctx = pick(SOURCES);
      const views = 1 + Math.floor(rnd() * 3);
      for (let p = 0; p < views; p++) {
        const ev = pageView(t + p * 60_000, p === 0 ? '/' : '/product', who);
        events.push({ ...ev, context: { ...ev.context, ...ctx } });
      }
      if (user && s === 0) events.push(identify(t + 30_000, user, {}, {}, who));
      if (rnd() < 0.35) {
        const order = rnd() < 0.5 ? { order_id: `o-${v}-${s}` } : {};
        const currency = rnd() < 0.8 ? 'CNY' : 'USD';
        const value = Math.round(rnd() * 50_000) / 100;
        events.push(conversion(t + views * 60_000, value, currency, who, order));
        // A reloaded thank-you page repeats the order: it must count once.
        if ('order_id' in order && rnd() < 0.5) events.push(conversion(t + views * 60_000 + 5_000, value, currency, who, order));
      }
      t += Math.floor((0.2 + rnd() * 4) * DAY);
    }
  }
  return events;
}

let c: TestCollector;
const range = 'site=shop&from=2026-03-03&to=2026-03-20';
beforeAll(async () => {
  c = await startTestCollector();
  const events = generate(20260301);
  for (let i = 0; i < events.length; i += 400) {
    const chunk = events.slice(i, i + 400);
    const res = await c.post('/v1/batch', batch(chunk, Date.now()));
    expect(res.body.accepted).toBe(chunk.length);
  }
  const bot = pageView(START + 5 * DAY, '/', { anonymousId: 'crawler', sessionId: 'crawler-1' });
  await c.post('/v1/batch', batch([bot], Date.now()), { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
});
afterAll(async () => { await c.stop(); });

const get = async (path: string) => {
  const res = await c.get(path, READ_TOKEN);
  expect(res.status).toBe(200);
  return res.body;
};
type Money = { currency: string; amount: number };
const amount = (ms: Money[], currency: string) => ms.find((m) => m.currency === currency)?.amount ?? 0;

describe('generated data: invariants', () => {
  it.each(['channel', 'campaign', 'source_medium'])('every model hands out exactly the totals (by=%s)', async (by) => {
    const body = await get(`/v1/attribution/compare?${range}&by=${by}`);
    // The totals are the counted conversions of the range, straight from SQL.
    const [expected] = c.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM counted_conversions c JOIN sessions s ON s.site = c.site AND s.session_key = c.session_key
       WHERE c.site = 'shop' AND c.ts >= @from AND c.ts < @to AND s.is_bot = 0 AND s.too_long = 0`,
      { from: Date.parse(body.range.start), to: Date.parse(body.range.end) },
    );
    expect(expected.n).toBeGreaterThan(10);
    expect(body.totals.conversions).toBe(expected.n);
    const currencies = body.totals.revenue.map((m: Money) => m.currency);
    expect(currencies).toEqual(['CNY', 'USD']);
    for (const model of body.models) {
      const conversions = body.rows.reduce((t: number, r: any) => t + r.credits[model].conversions, 0) + body.unattributed.conversions;
      expect(conversions, model).toBeCloseTo(body.totals.conversions, 6);
      for (const cur of currencies) {
        const revenue = body.rows.reduce((t: number, r: any) => t + amount(r.credits[model].revenue, cur), 0) + amount(body.unattributed.revenue, cur);
        expect(revenue, `${model} ${cur}`).toBeCloseTo(amount(body.totals.revenue, cur), 2);
      }
      for (const r of body.rows) expect(r.credits[model].conversions, `${model} ${r.key}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('channel report, breakdown and daily series count the same sessions and revenue', async () => {
    const channels = await get(`/v1/reports/channels?${range}&by=channel`);
    const devices = await get(`/v1/reports/breakdown?${range}&dimension=device_type`);
    const days = await get(`/v1/reports/timeseries?${range}&interval=day&metrics=sessions,converting_sessions`);
    const sum = (rows: any[], f: (r: any) => number) => rows.reduce((t, r) => t + f(r), 0);
    const [sql] = c.query<{ n: number; conv: number }>(
      `SELECT COUNT(*) AS n, SUM(EXISTS (SELECT 1 FROM counted_conversions c WHERE c.site = s.site AND c.session_key = s.session_key)) AS conv
       FROM sessions s WHERE s.site = 'shop' AND s.start_ts >= @from AND s.start_ts < @to AND s.is_bot = 0 AND s.too_long = 0`,
      { from: Date.parse(channels.range.start), to: Date.parse(channels.range.end) },
    );
    expect(sql.n).toBeGreaterThan(50);
    expect(sum(channels.rows, (r) => r.sessions)).toBe(sql.n);
    expect(sum(devices.rows, (r) => r.sessions)).toBe(sql.n);
    expect(sum(days.points, (p) => p.sessions)).toBe(sql.n);
    expect(sum(channels.rows, (r) => r.convertingSessions)).toBe(sql.conv);
    expect(sum(days.points, (p) => p.converting_sessions)).toBe(sql.conv);
    for (const cur of ['CNY', 'USD']) {
      expect(sum(channels.rows, (r) => amount(r.revenue, cur))).toBeCloseTo(sum(devices.rows, (r) => amount(r.revenue, cur)), 2);
    }
  });

  it('ROI totals equal the attribution totals, and all range costs are reported', async () => {
    const rows = [
      { date: '2026-03-05', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 120, currency: 'CNY', clicks: 30, impressions: 900 },
      { date: '2026-03-06', source: 'weibo', medium: 'social', campaign: 'launch', cost: 40, currency: 'CNY' },
      { date: '2026-03-25', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 999, currency: 'CNY' },
    ];
    expect((await c.post('/v1/costs', { site: 'shop', rows }, { authorization: 'Bearer admin-token-0123456789' })).status).toBe(200);
    const roi = await get(`/v1/reports/roi?${range}&model=markov&by=campaign`);
    const attr = await get(`/v1/attribution?${range}&model=markov&by=campaign`);
    expect(roi.totals.conversions).toBe(attr.totals.conversions);
    expect(roi.totals.revenue).toEqual(attr.totals.revenue);
    // 120 + 40 CNY in range; the Mar 25 row is outside.
    expect(roi.totals.cost).toEqual([{ currency: 'CNY', amount: 160 }]);
    const credited = roi.rows.reduce((t: number, r: any) => t + r.conversions, 0) + roi.unattributed.conversions;
    expect(credited).toBeCloseTo(roi.totals.conversions, 6);
  });
});
