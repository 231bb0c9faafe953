/**
 * Hand-made persons with known behaviour for the tag, audience and trigger tests, seeded through
 * the real ingest path (POST /v1/batch with a browser user agent). Times are relative to `now`
 * (the tags look at "the last D days"), with margins of hours so a slow test cannot move a person
 * across a threshold.
 *
 *   alice  identify user "alice" 20 d ago (city Shanghai, consent true, phone and email),
 *          identify again 2 d ago (city Beijing); 1 d ago: view_product shoes ×3, bags ×1 and a
 *          300 CNY purchase. Sessions: 20 d, 2 d, 1 d ago (the last one from Baidu cpc).
 *   bob    identify user "bob" 100 d ago (city Shanghai, consent false), view_product bags ×2.
 *   carol  anonymous, page views 40 d ago.
 *   dave   anonymous, one page view 1 h ago.
 */
import { conversion, identify, pageView } from '../helpers/events.js';
import type { TestCollector } from '../helpers/test-collector.js';
import { DAY, HOUR, MIN, send, visitor } from '../funnels/funnel-fixtures.js';

export { DAY, HOUR, MIN };

/** Seeds the four persons; returns nothing, the header says who they are. */
export async function seedPersons(c: TestCollector, now: number): Promise<void> {
  const alice = visitor('alice-anon');
  const bob = visitor('bob-anon');
  const at = { anonymousId: 'alice-anon', sessionId: 's-alice' };
  await send(c, [
    identify(now - 20 * DAY, 'alice', { phone: '138 0000 0001', email: 'Alice@Example.com' }, { city: 'Shanghai', consent: true }, at),
    identify(now - 2 * DAY, 'alice', {}, { city: 'Beijing' }, at),
    alice.landing(now - DAY, '/shoes', { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' }),
    alice.event(now - DAY + MIN, 'view_product', { sku: 's1', category: 'shoes' }),
    alice.event(now - DAY + 2 * MIN, 'view_product', { sku: 's2', category: 'shoes' }),
    alice.event(now - DAY + 3 * MIN, 'view_product', { sku: 'b1', category: 'bags' }),
    alice.event(now - DAY + 4 * MIN, 'view_product', { sku: 's3', category: 'shoes' }),
    conversion(now - DAY + 5 * MIN, 300, 'CNY', at, { order_id: 'o-alice-1' }),
    identify(now - 100 * DAY, 'bob', {}, { city: 'Shanghai', consent: false }, { anonymousId: 'bob-anon', sessionId: 's-bob' }),
    bob.event(now - 100 * DAY + MIN, 'view_product', { sku: 'b1', category: 'bags' }),
    bob.event(now - 100 * DAY + 2 * MIN, 'view_product', { sku: 'b2', category: 'bags' }),
    pageView(now - 40 * DAY, '/', { anonymousId: 'carol', sessionId: 's-carol' }),
    pageView(now - 40 * DAY + MIN, '/about', { anonymousId: 'carol', sessionId: 's-carol' }),
    pageView(now - HOUR, '/', { anonymousId: 'dave', sessionId: 's-dave' }),
  ]);
}

const bi = (en: string, zh: string) => ({ en, zh });

/** The tag definitions of the tests, by id (bodies of POST /v1/tags without the site). */
export const TAGS: Record<string, object> = {
  city: { name: bi('City', '城市'), description: bi('City from the latest identify', '最近一次登录上报的城市'), rule: { kind: 'attribute', trait: 'city' } },
  shoe_viewer: {
    name: bi('Shoe viewer', '鞋类浏览者'), description: bi('Viewed shoes at least twice in 7 days', '7 天内浏览鞋类至少两次'),
    rule: { kind: 'behavior', event: 'view_product', filters: [{ prop: 'category', op: 'eq', value: 'shoes' }], minCount: 2, days: 7 },
  },
  fav_category: { name: bi('Favourite category', '偏好品类'), description: bi('Most viewed category', '浏览最多的品类'), rule: { kind: 'preference', dimension: 'property', event: 'view_product', prop: 'category' } },
  fav_channel: { name: bi('Preferred channel', '偏好渠道'), description: bi('Channel of most sessions', '会话最多的渠道'), rule: { kind: 'preference', dimension: 'channel' } },
  spend: {
    name: bi('Spend band', '消费档位'), description: bi('Lifetime CNY revenue', '累计人民币消费'),
    rule: { kind: 'value', measure: 'revenue_band', currency: 'CNY', bands: [{ id: 'low', min: 0 }, { id: 'mid', min: 200 }, { id: 'high', min: 1000 }] },
  },
  rfm: { name: bi('RFM segment', 'RFM 分群'), description: bi('RFM segment', 'RFM 分群'), rule: { kind: 'value', measure: 'rfm_segment' } },
  aipl: { name: bi('AIPL stage', 'AIPL 阶段'), description: bi('AIPL over 90 days', '近 90 天 AIPL'), rule: { kind: 'value', measure: 'aipl_stage', days: 90 } },
  stage: { name: bi('Lifecycle', '生命周期'), description: bi('new, active, dormant, churned', '新客、活跃、沉睡、流失'), rule: { kind: 'lifecycle' } },
};

/** Creates the given tags over the API (admin token). */
export async function createTags(c: TestCollector, token: string, ids: readonly string[] = Object.keys(TAGS)): Promise<void> {
  for (const id of ids) {
    const res = await c.post('/v1/tags', { site: 'shop', id, ...TAGS[id] }, { authorization: `Bearer ${token}` });
    if (res.status !== 201) throw new Error(`creating tag ${id}: ${JSON.stringify(res.body)}`);
  }
}
