/**
 * A small, hand-made shop history for the report tests (site "shop", Asia/Shanghai = UTC+8).
 * Day N means 2026-03-N; "10:00" is Shanghai time.
 *
 *  P1 (anon-p1, never logs in)
 *    day 1 10:00  baidu / cpc, campaign "spring"        → Paid Search
 *    day 3 10:00  direct                                → Direct
 *    day 5 10:00  newsletter / email, "march-news"      → Email; buys 300 CNY at 10:10 (order o-1),
 *                 and the thank-you page sends order o-1 again at 10:11 (counted once)
 *  P2 (user u-2 on two devices)
 *    day 2 10:00  anon-p2a: baidu / cpc, "spring"       → Paid Search; logs in as u-2
 *    day 4 10:00  anon-p2b: direct; logs in as u-2; buys 50 CNY at 10:10
 *  P3 (anon-p3)
 *    day 2 12:00  organic from www.baidu.com            → Organic Search
 *    day 4 12:00  direct                                → Direct; no purchase
 *  P4 (anon-p4)
 *    day 6 09:00  direct; buys 20 USD at 09:05
 *  A crawler (Googlebot UA) with a baidu / cpc visit on day 2: excluded everywhere.
 */
import { batch, conversion, identify, pageView } from '../helpers/events.js';
import type { TestCollector } from '../helpers/test-collector.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** 10:00 on 2026-03-N in Shanghai. */
export const day = (n: number, hour = 10, minute = 0) => Date.UTC(2026, 2, n, hour - 8, minute);

type Json = Record<string, any>;
const web = (extra: Json = {}) => ({ platform: 'web', library: { name: 'maidian-web', version: '0.1.0' }, ...extra });
const withCtx = (ev: Json, ctx: Json) => ({ ...ev, context: { ...ev.context, ...ctx } });
const baiduCpc = { campaign: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' } };
const newsletter = { campaign: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'march-news' } };

/** The events of the story above, in one batch per visitor (the crawler apart). */
export function shopHistory(): Json[][] {
  const p1 = (s: string) => ({ anonymousId: 'anon-p1', sessionId: s });
  const p2a = { anonymousId: 'anon-p2a', sessionId: 'p2a-1' };
  const p2b = { anonymousId: 'anon-p2b', sessionId: 'p2b-1' };
  const p3 = (s: string) => ({ anonymousId: 'anon-p3', sessionId: s });
  const p4 = { anonymousId: 'anon-p4', sessionId: 'p4-1' };
  const organic = { page: { url: 'https://shop.example.com/', path: '/', referrer: 'https://www.baidu.com/s?wd=shop' } };
  return [
    [
      withCtx(pageView(day(1), '/', p1('p1-1')), web(baiduCpc)),
      pageView(day(3), '/', p1('p1-3')),
      withCtx(pageView(day(5), '/', p1('p1-5')), web(newsletter)),
      withCtx(conversion(day(5, 10, 10), 300, 'CNY', p1('p1-5'), { order_id: 'o-1' }), web(newsletter)),
      withCtx(conversion(day(5, 10, 11), 300, 'CNY', p1('p1-5'), { order_id: 'o-1' }), web(newsletter)),
    ],
    [
      withCtx(pageView(day(2), '/', p2a), web(baiduCpc)),
      identify(day(2, 10, 1), 'u-2', {}, {}, p2a),
      pageView(day(4), '/', p2b),
      identify(day(4, 10, 1), 'u-2', {}, {}, p2b),
      conversion(day(4, 10, 10), 50, 'CNY', p2b),
    ],
    [
      withCtx(pageView(day(2, 12), '/', p3('p3-1')), web(organic)),
      pageView(day(4, 12), '/pricing', p3('p3-2')),
    ],
    [pageView(day(6, 9), '/', p4), conversion(day(6, 9, 5), 20, 'USD', p4)],
  ];
}

/**
 * Ingests the story through POST /v1/batch. sentAt is the real send time, so the skew correction
 * (receive time − sentAt) moves every event by the same few ms within a batch.
 */
export async function seedShopHistory(c: TestCollector): Promise<void> {
  for (const events of shopHistory()) {
    const res = await c.post('/v1/batch', batch(events, Date.now()));
    if (res.body.accepted !== events.length) throw new Error(`seeding failed: ${JSON.stringify(res.body)}`);
  }
  const bot = withCtx(pageView(day(2, 11), '/', { anonymousId: 'anon-bot', sessionId: 'bot-1' }), web(baiduCpc));
  const res = await c.post('/v1/batch', batch([bot], Date.now()), { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
  if (res.body.accepted !== 1) throw new Error(`seeding the crawler failed: ${JSON.stringify(res.body)}`);
}
