/**
 * A generated shop month for the engine equivalence tests (seeded PRNG: every run sends the same
 * batches): visitors arriving through paid search, email, social, a referrer and direct, on
 * mobile and desktop; people on two devices; sign-ups and identifies; carts; orders in two
 * currencies, some repeated (a reloaded thank-you page); a crawler. Events go out as the SDK
 * sends them, one batch per visit, with the visit's user agent.
 */
import { mulberry32 } from '../../../collector/src/analytics/random.js';
import { batch, conversion, custom, identify, pageView, TRAFFIC_SOURCES as SOURCES } from '../../collector/helpers/events.js';

const DAY = 86_400_000;
/** 08:00 on 2026-03-01 in Shanghai (the test site's time zone). */
export const MONTH_START = Date.UTC(2026, 2, 1, 0, 0);
export const MONTH_RANGE = 'site=shop&from=2026-03-01&to=2026-03-31';

const MOBILE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';
const CRAWLER_UA = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)';


/** One visit's batch and the user agent it is sent with. */
export interface VisitBatch {
  body: Record<string, unknown>;
  userAgent: string;
}

export function shopMonth(seed = 20260301, visitors = 120): VisitBatch[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: VisitBatch[] = [];
  for (let v = 0; v < visitors; v++) {
    // Every fifth visitor is the second device of the visitor before it (same user id).
    const user = v % 5 === 4 ? `u-${v - 1}` : rnd() < 0.3 ? `u-${v}` : null;
    const ua = v % 37 === 36 ? CRAWLER_UA : rnd() < 0.6 ? MOBILE_UA : 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
    const visits = 1 + Math.floor(rnd() * 4);
    let t = MONTH_START + Math.floor(rnd() * 24 * DAY);
    for (let s = 0; s < visits; s++) {
      const who = { anonymousId: `gen-${v}`, sessionId: `gen-${v}-${s}` };
      const ctx = pick(SOURCES);
      const events: Record<string, any>[] = [];
      const views = 1 + Math.floor(rnd() * 3);
      for (let p = 0; p < views; p++) {
        const ev = pageView(t + p * 60_000, p === 0 ? '/' : '/product', { ...who, props: { category: pick(['tea', 'cups', 'gifts']) } });
        events.push({ ...ev, context: { ...ev.context, ...ctx } });
      }
      let at = t + views * 60_000;
      if (rnd() < 0.5) events.push(custom((at += 20_000), 'add_to_cart', { sku: `sku-${1 + Math.floor(rnd() * 5)}`, price: 10 + Math.floor(rnd() * 90) }, who));
      if (user && s === 0) {
        if (rnd() < 0.6) events.push(custom((at += 10_000), 'signup', { plan: pick(['free', 'pro']), seats: 1 + Math.floor(rnd() * 3) }, who));
        events.push(identify((at += 10_000), user, {}, {}, who));
      }
      if (rnd() < 0.35) {
        const order = rnd() < 0.6 ? { order_id: `o-${v}-${s}` } : {};
        const currency = rnd() < 0.8 ? 'CNY' : 'USD';
        const value = Math.round(rnd() * 50_000) / 100;
        events.push(conversion((at += 30_000), value, currency, who, order));
        if ('order_id' in order && rnd() < 0.5) events.push(conversion(at + 5_000, value, currency, who, order));
      }
      out.push({ body: batch(events, Date.now()), userAgent: ua });
      t += Math.floor((0.2 + rnd() * 4) * DAY);
    }
  }
  return out;
}
