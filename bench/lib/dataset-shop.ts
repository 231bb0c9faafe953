/**
 * The shop behind the benchmark data set: who visits, how often, through which channel, and what
 * each visit does. Deterministic: the same size gives the same rows on every machine.
 *
 * Shape (per visitor): 1 visit (55%), 2 (25%), 3 (12%) or 4–6 (8%), the first on a random day of
 * the month and the next ones hours to days later. A visit lands on a page view, then browses
 * (page views, clicks) or moves one funnel step on (view_product → add_to_cart → checkout →
 * conversion); 30% of visits bounce. One visitor in ten signs up (signup + identify) and carries
 * its user id from then on; 0.5% of visitors are bots.
 */
import type { EventRow } from '../../collector/src/storage/store.js';
import { mulberry32, pick } from '../../collector/src/analytics/random.js';

export const DATASET_SITE = 'bench';
/** 2024-01-01 00:00 in Asia/Shanghai (the benchmark site's time zone). */
export const DATASET_START = Date.UTC(2023, 11, 31, 16);
export const DATASET_DAYS = 30;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One visit to generate: everything its events need besides its own PRNG. */
export interface PlannedVisit {
  visitor: number;
  visitNo: number;
  start: number;
  events: number;
  seed: number;
  /** Sign up during this visit. */
  signup: boolean;
  /** Identified in an earlier visit. */
  identified: boolean;
}

/** Traffic as ingest resolves it: [share, referrer, utm source/medium/campaign, source, medium, channel]. */
const TRAFFIC: [number, string | null, [string, string, string] | null, string, string, string][] = [
  [0.3, null, null, '(direct)', '(none)', 'Direct'],
  [0.55, 'https://www.baidu.com/', null, 'baidu', 'organic', 'Organic Search'],
  [0.7, 'https://www.baidu.com/', ['baidu', 'cpc', 'spring_sale'], 'baidu', 'cpc', 'Paid Search'],
  [0.82, null, ['weixin', 'social', 'spring_sale'], 'weixin', 'social', 'Organic Social'],
  [0.9, null, ['newsletter', 'email', 'weekly'], 'newsletter', 'email', 'Email'],
  [0.96, 'https://blog.example.org/tea-guide', null, 'blog.example.org', 'referral', 'Referral'],
  [1, 'https://www.douyin.com/', ['douyin', 'paid_social', 'launch'], 'douyin', 'paid_social', 'Paid Social'],
];
/** [device type, browser, version, os]. */
const DEVICES: [string, string, string, string][] = [
  ['mobile', 'Mobile Safari', '17.2', 'iOS'],
  ['mobile', 'Chrome', '120.0.0.0', 'Android'],
  ['mobile', 'WeChat', '8.0.44', 'Android'],
  ['desktop', 'Chrome', '120.0.0.0', 'Windows'],
  ['desktop', 'Edge', '120.0.0.0', 'Windows'],
  ['desktop', 'Safari', '17.2', 'Mac OS'],
];
const BROWSE = ['/', '/products', '/about', '/blog/tea-guide', '/blog/brewing', '/faq'];
const ORIGIN = 'https://shop.example.com';

/** Plans visits until they hold exactly `events` events; visits are bucketed by day. */
export function planVisits(events: number): { byDay: PlannedVisit[][]; count: number; visitors: number } {
  const byDay: PlannedVisit[][] = Array.from({ length: DATASET_DAYS }, () => []);
  const rand = mulberry32(20_240_101);
  let left = events;
  let count = 0;
  let visitor = 0;
  for (; left > 0; visitor++) {
    const r = rand();
    const visits = r < 0.55 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : 4 + Math.floor(rand() * 3);
    const signupAt = rand() < 0.1 ? Math.floor(rand() * visits) : -1;
    let start = DATASET_START + Math.floor(rand() * DATASET_DAYS * DAY);
    for (let visitNo = 0; visitNo < visits && left > 0; visitNo++) {
      if (start >= DATASET_START + DATASET_DAYS * DAY - HOUR) break;
      let n = rand() < 0.3 ? 1 : 2 + Math.floor(-Math.log(1 - rand()) * 6);
      if (visitNo === signupAt) n = Math.max(n, 3);
      n = Math.min(n, left);
      left -= n;
      byDay[Math.floor((start - DATASET_START) / DAY)].push({
        visitor, visitNo, start, events: n, seed: Math.floor(rand() * 2 ** 32), signup: visitNo === signupAt && n >= 3, identified: signupAt >= 0 && visitNo > signupAt,
      });
      count++;
      start += HOUR + Math.floor(-Math.log(1 - rand()) * 3 * DAY);
    }
  }
  return { byDay, count, visitors: visitor };
}

/** The events of one visit, in time order; `id` is left for the caller to number. */
export function eventsOfVisit(v: PlannedVisit, rand: () => number): EventRow[] {
  const traits = mulberry32(v.visitor * 7919 + 1);
  const device = pick(traits, DEVICES);
  const bot = traits() < 0.005;
  const r = rand();
  const [, referrer, utm, source, medium, channel] = TRAFFIC.find(([p]) => r < p)!;
  let userId = v.identified ? `user-${v.visitor}` : null;
  const rows: EventRow[] = [];
  let ts = v.start;
  let stage = 0;
  const product = 1 + Math.floor(rand() * 40);
  for (let i = 0; i < v.events; i++, ts += 5_000 + Math.floor(rand() * 150_000)) {
    const [event, path, props] = i === 0 ? ['page_view', pick(rand, BROWSE), {}] : nextStep(v, i, stage, product, rand);
    if (['view_product', 'add_to_cart', 'checkout', 'conversion'].includes(event)) stage++;
    if (event === 'identify') userId = `user-${v.visitor}`;
    const landing = i === 0 && utm ? `?utm_source=${utm[0]}&utm_medium=${utm[1]}&utm_campaign=${utm[2]}` : '';
    const order = event === 'conversion' ? { goal: 'purchase', revenue: 59 + (product % 7) * 40, currency: 'CNY', order_id: `o-${v.visitor}-${v.visitNo}` } : null;
    // One literal with every column: spreading a shared object here made V8 build each row slowly.
    rows.push({
      site: DATASET_SITE, id: '', event, anonymous_id: `anon-${v.visitor}`, session_id: `s-${v.visitor}-${v.visitNo}`, platform: 'web',
      source, medium, channel, device_type: device[0], browser: bot ? 'HeadlessChrome' : device[1], browser_version: device[2], os: device[3],
      ip: '203.0.113.0', is_bot: bot ? 1 : 0, dictionary_version: 1, ts, client_ts: ts, received_at: ts + 40, user_id: userId, session_start: i === 0 ? 1 : 0,
      url: `${ORIGIN}${path}${landing}`, path, title: 'Camellia Tea', referrer: i === 0 ? referrer : null,
      referrer_host: i === 0 && referrer ? new URL(referrer).host : null,
      utm_source: i === 0 ? (utm?.[0] ?? null) : null, utm_medium: i === 0 ? (utm?.[1] ?? null) : null, utm_campaign: i === 0 ? (utm?.[2] ?? null) : null,
      utm_term: null, utm_content: null, utm_id: null, click_id_type: null, click_id: null, scene: null,
      first_touch: null, props: JSON.stringify(order ? { goal: order.goal, value: order.revenue, currency: order.currency, order_id: order.order_id } : props),
      goal: order?.goal ?? null, revenue: order?.revenue ?? null, currency: order?.currency ?? null, order_id: order?.order_id ?? null, flags: null,
    });
  }
  return rows;
}

type Step = [event: string, path: string, props: Record<string, unknown>];

/** What the visitor does next: sign up (if planned), browse, or move one funnel step on. */
function nextStep(v: PlannedVisit, i: number, stage: number, product: number, rand: () => number): Step {
  if (v.signup && i === 1) return ['signup', '/signup', { method: 'phone' }];
  if (v.signup && i === 2) return ['identify', '/signup', { plan: 'free' }];
  const r = rand();
  const advance = [0.3, 0.2, 0.3, 0.2, 0][Math.min(stage, 4)];
  if (r >= advance) {
    return r < advance + (1 - advance) / 2
      ? ['page_view', pick(rand, BROWSE), {}]
      : ['click', '/products', { tag: 'a', text: 'Details', selector: 'a.product' }];
  }
  const p = { product_id: `tea-${product}`, price: 59 + (product % 7) * 40 };
  if (stage === 0) return ['view_product', `/product/${product}`, p];
  if (stage === 1) return ['add_to_cart', `/product/${product}`, { ...p, quantity: 1 }];
  if (stage === 2) return ['checkout', '/checkout', { items: 1 }];
  return ['conversion', '/thank-you', {}];
}
