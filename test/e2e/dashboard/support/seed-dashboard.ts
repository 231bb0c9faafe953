/**
 * A small week of a tea shop (site "shop", Asia/Shanghai), sent through the real ingest path.
 * The week is 2026-11-09 (Mon) … 2026-11-15 (Sun); every figure the specs expect is worked out
 * from this story by hand.
 *
 *  A (a1)  Mon 10:00  page_view /  ← baidu / cpc / spring_tea   (Paid Search)
 *          Mon 10:01  add_to_cart;  Mon 10:02  conversion 300 CNY (o-1)
 *          Mon 10:03  newsletter_signup — not in the dictionary: quarantined
 *  B (b1)  Tue 11:00  page_view / (direct);  11:01 page_view /tea;  11:02 add_to_cart
 *  C (c1)  Wed 09:00  page_view / ← referrer www.google.com           (Organic Search)
 *          Fri 20:00  page_view /tea ← newsletter / email / <img…>   (Email; a new session)
 *          Fri 20:05  conversion 120 CNY (o-2)
 *  D (d1)  Thu 15:00  page_view of a path holding markup (direct)
 */
import type { TestCollector } from '../../../collector/helpers/test-collector.js';
import { batch, conversion, custom, pageView } from '../../../collector/helpers/events.js';

/** Markup an attacker could store; if it ever ran, it would set window.__xss. */
export const XSS_CAMPAIGN = '<img src=x onerror="window.__xss=1">';
export const XSS_PATH = '/<img src=x onerror="window.__xss=2">';
export const XSS_TITLE = '<img src=x onerror="window.__xss=3">';

/** The seeded week, as filter values. */
export const WEEK = { from: '2026-11-09', to: '2026-11-15' } as const;

/** Epoch ms of a local (Shanghai, UTC+8) time on day `d` of the week (0 = Monday). */
export function at(d: number, hh: number, mm = 0): number {
  return Date.UTC(2026, 10, 9 + d, hh - 8, mm);
}

const WEB = { platform: 'web', library: { name: 'maidian-web', version: '0.1.0' } };
const campaign = (utm_source: string, utm_medium: string, utm_campaign: string) => ({ campaign: { utm_source, utm_medium, utm_campaign } });

/** Sends the week; resolves with the ingest answer counts. */
export async function seedWeek(c: TestCollector): Promise<{ accepted: number; quarantined: number }> {
  const a = { anonymousId: 'a1', sessionId: 'a1-s1' };
  const b = { anonymousId: 'b1', sessionId: 'b1-s1' };
  const events = [
    pageView(at(0, 10), '/', { ...a, context: campaign('baidu', 'cpc', 'spring_tea') }),
    custom(at(0, 10, 1), 'add_to_cart', { sku: 'tea-1', price: 300 }, a),
    conversion(at(0, 10, 2), 300, 'CNY', a, { order_id: 'o-1' }),
    custom(at(0, 10, 3), 'newsletter_signup', { opt_in: true }, { ...a, context: { ...WEB, page: { url: 'https://shop.example.com/', path: '/', title: XSS_TITLE } } }),
    pageView(at(1, 11), '/', b),
    pageView(at(1, 11, 1), '/tea', b),
    custom(at(1, 11, 2), 'add_to_cart', { sku: 'tea-2' }, b),
    pageView(at(2, 9), '/', { anonymousId: 'c1', sessionId: 'c1-s1', page: { referrer: 'https://www.google.com/' } }),
    pageView(at(4, 20), '/tea', { anonymousId: 'c1', sessionId: 'c1-s2', context: campaign('newsletter', 'email', XSS_CAMPAIGN) }),
    conversion(at(4, 20, 5), 120, 'CNY', { anonymousId: 'c1', sessionId: 'c1-s2' }, { order_id: 'o-2' }),
    pageView(at(3, 15), XSS_PATH, { anonymousId: 'd1', sessionId: 'd1-s1', page: { title: XSS_TITLE } }),
  ];
  const res = await c.post('/v1/batch', batch(events, Date.now()));
  if (res.status !== 200) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { accepted: res.body.accepted, quarantined: res.body.quarantined };
}

/** A page view happening now (for the live counters). */
export function liveEvent(): Record<string, unknown> {
  return pageView(Date.now(), '/live', { anonymousId: 'live-1', sessionId: 'live-s1' });
}
