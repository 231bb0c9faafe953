/**
 * Realistic wire events (as the browser SDK sends them) for the ingest benchmark: page views,
 * clicks and some conversions from a few thousand visitors arriving through several campaigns.
 */
import type { WireEvent } from '../../collector/src/dictionary/events.js';
import { mulberry32, pick } from '../../collector/src/analytics/random.js';

const CAMPAIGNS = [
  { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring_sale' },
  { utm_source: 'weixin', utm_medium: 'social', utm_campaign: 'spring_sale' },
  { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'weekly' },
  {},
];
const PATHS = ['/', '/products', '/product?id=1', '/product?id=2', '/signup', '/checkout'];

/** Makes `count` events; ids are unique per (seed, index). */
export function makeWireEvents(count: number, seed = 1): WireEvent[] {
  const rand = mulberry32(seed);
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i): WireEvent => {
    const visitor = Math.floor(rand() * 5000);
    const path = pick(rand, PATHS);
    const kind = rand();
    const base = {
      id: `bench-${seed}-${i}-${visitor}`,
      ts: start + i * 1000,
      anonymousId: `anon-${visitor}`,
      sessionId: `s-${visitor}`,
      context: {
        platform: 'web' as const,
        library: { name: 'maidian', version: '0.1.0' },
        page: { url: `https://shop.example.com${path}`, path, title: 'Camellia Tea', referrer: 'https://www.baidu.com/' },
        campaign: pick(rand, CAMPAIGNS),
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        screen: { width: 390, height: 844 },
      },
    };
    if (kind < 0.7) return { ...base, event: 'page_view' as const };
    if (kind < 0.97) {
      return { ...base, event: 'click' as const, props: { tag: 'a', text: 'Buy now', href: '/checkout', selector: 'a.buy' } };
    }
    return { ...base, event: 'conversion' as const, props: { goal: 'purchase', value: 199, currency: 'CNY', order_id: `o-${seed}-${i}` } };
  });
}
