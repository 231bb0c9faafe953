/** Builders of wire events for tests; each call gets a fresh id unless one is given. */
let counter = 0;

/** A fresh, valid event id. */
export function eventId(): string {
  counter += 1;
  return `evt_${process.pid}_${counter.toString().padStart(6, '0')}`;
}

type Json = Record<string, any>;

/** Base fields; `at` is the client time (ms). */
function base(at: number, over: Json = {}): Json {
  return {
    id: eventId(),
    ts: at,
    anonymousId: 'anon-1',
    sessionId: 'sess-1',
    context: {
      platform: 'web',
      library: { name: 'maidian-web', version: '0.1.0' },
      page: { url: 'https://shop.example.com/', path: '/' },
    },
    ...over,
  };
}

/**
 * A page view of `path`. `over` replaces top-level fields; `over.page` and `over.context` are
 * merged into the default context (so a test changes one field and keeps the rest valid).
 */
export function pageView(at: number, path: string, over: Json = {}): Json {
  const { page = {}, context = {}, ...rest } = over;
  const b = base(at, rest);
  const defaultPage = { url: `https://shop.example.com${path}`, path };
  b.context = { ...b.context, ...context, page: { ...defaultPage, ...page, ...(context.page ?? {}) } };
  return { ...b, event: 'page_view' };
}

/** A conversion with goal, value and currency. */
export function conversion(at: number, value: number, currency: string, over: Json = {}, props: Json = {}): Json {
  return { ...base(at, over), event: 'conversion', props: { goal: 'purchase', value, currency, ...props } };
}

/** A custom event. */
export function custom(at: number, name: string, props: Json, over: Json = {}): Json {
  return { ...base(at, over), event: name, props };
}

/** An identify call. */
export function identify(at: number, userId: string, identities: Json, traits: Json = {}, over: Json = {}): Json {
  return { ...base(at, over), event: 'identify', userId, identities, traits };
}

/** A batch envelope for site shop with the test write key. */
export function batch(events: Json[], sentAt: number, extra: Json = {}): Json {
  return { site: 'shop', key: 'wk_shop_secret', sentAt, batch: events, ...extra };
}

/**
 * Where generated visits come from, as context overrides of their landing page view: paid search
 * (two campaigns), email, social, a referral from a Q&A site, and direct (twice as likely).
 */
export const TRAFFIC_SOURCES: Record<string, unknown>[] = [
  { campaign: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' } },
  { campaign: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'brand' } },
  { campaign: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'march-news' } },
  { campaign: { utm_source: 'weibo', utm_medium: 'social', utm_campaign: 'launch' } },
  { page: { url: 'https://shop.example.com/', path: '/', referrer: 'https://www.zhihu.com/question/1' } },
  {}, // direct
  {},
];
