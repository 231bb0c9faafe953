/**
 * Tags over a moving window: preference tags with `days` (property and channel), and the AIPL
 * loyalty rule of value tags (conversions in two calendar months of the site's time zone within
 * the 365-day lookback), each against the same rule without the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshTags } from '../../../collector/src/audiences/refresh-tags.js';
import { conversion, pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { DAY, HOUR, MIN, send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';

let c: TestCollector;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const bi = (en: string) => ({ en, zh: en });

// A calendar month M about 200 days back, read in Asia/Shanghai (UTC+8, no daylight saving).
const shanghai = new Date(now - 200 * DAY + 8 * HOUR);
const [Y, M] = [shanghai.getUTCFullYear(), shanghai.getUTCMonth()];
/** 12:00 in Shanghai (04:00 UTC) on day `d` of month M + `dm`. */
const noon = (dm: number, d: number) => Date.UTC(Y, M + dm, d, 4);
/** 20:00 UTC on the last day of M: already 04:00 on the 1st of M + 1 in Shanghai. */
const lastEveningUtc = Date.UTC(Y, M + 1, 1) - 4 * HOUR;

const at = (p: string, s = `s-${p}`) => ({ anonymousId: p, sessionId: s });
const buy = (p: string, ts: number, order: string) => conversion(ts, 100, 'CNY', at(p, `s-${p}-${order}`), { order_id: order });
const seen = (p: string, ts: number) => pageView(ts, '/', at(p, `s-${p}-seen`));

const TAGS = {
  all_cat: { kind: 'preference', dimension: 'property', event: 'view_product', prop: 'category' },
  recent_cat: { kind: 'preference', dimension: 'property', event: 'view_product', prop: 'category', days: 30 },
  all_channel: { kind: 'preference', dimension: 'channel' },
  recent_channel: { kind: 'preference', dimension: 'channel', days: 30 },
  aipl30: { kind: 'value', measure: 'aipl_stage', days: 30 },
};

beforeAll(async () => {
  c = await startAnalyticsCollector();
  const email = { utm_source: 'newsletter', utm_medium: 'email' };
  const pia1 = visitor('pia', { sessionId: 's-pia-1' });
  const pia2 = visitor('pia', { sessionId: 's-pia-2' });
  const pia3 = visitor('pia', { sessionId: 's-pia-3' });
  const quin = visitor('quin');
  const rex = visitor('rex');
  await send(c, [
    // pia: 60 d ago from an email, bags ×3; 50 d ago from an email; 5 d ago from Baidu cpc, shoes ×1.
    pia1.landing(now - 60 * DAY, '/', email),
    ...[1, 2, 3].map((i) => pia1.event(now - 60 * DAY + i * MIN, 'view_product', { category: 'bags' })),
    pia2.landing(now - 50 * DAY, '/', email),
    pia3.landing(now - 5 * DAY, '/', { utm_source: 'baidu', utm_medium: 'cpc' }),
    pia3.event(now - 5 * DAY + MIN, 'view_product', { category: 'shoes' }),
    // quin: 60 d ago only, direct, bags ×2.
    quin.page(now - 60 * DAY, '/'),
    quin.event(now - 60 * DAY + MIN, 'view_product', { category: 'bags' }),
    quin.event(now - 60 * DAY + 2 * MIN, 'view_product', { category: 'bags' }),
    // rex: 5 d ago, direct, hats ×1 and caps ×1 (a tie).
    rex.page(now - 5 * DAY, '/'),
    rex.event(now - 5 * DAY + MIN, 'view_product', { category: 'hats' }),
    rex.event(now - 5 * DAY + 2 * MIN, 'view_product', { category: 'caps' }),
    // AIPL persons (see the last describe).
    buy('lena', noon(0, 15), 'l1'), buy('lena', now - 3 * DAY, 'l2'),
    buy('mo', noon(0, 15), 'm1'), buy('mo', noon(0, 16), 'm2'), seen('mo', now - 3 * DAY),
    buy('nia', lastEveningUtc, 'n1'), buy('nia', noon(1, 10), 'n2'), seen('nia', now - 3 * DAY),
    buy('otto', now - 400 * DAY, 'o1'), buy('otto', now - 3 * DAY, 'o2'),
    buy('pat', now - 3 * DAY, 'p1'), buy('pat', now - 2 * DAY, 'p2'),
    buy('quade', now - 3 * DAY, 'q1'), buy('quade', now - 2 * DAY, 'q1'),
  ]);
  for (const [id, rule] of Object.entries(TAGS)) {
    const res = await c.post('/v1/tags', { site: 'shop', id, name: bi(id), description: bi(id), rule }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(async () => { await c.stop(); });

/** tag id → person → value, read from the API. */
const values = async (tag: string) => {
  const persons = ['pia', 'quin', 'rex', 'lena', 'mo', 'nia', 'otto', 'pat', 'quade'].map((p) => `anon:${p}`);
  const out: Record<string, string> = {};
  for (const p of persons) {
    const res = await c.get(`/v1/persons/${p}/tags?site=shop`, READ_TOKEN);
    const v = res.body.tags.find((t: any) => t.id === tag)?.value;
    if (v !== undefined) out[p.slice(5)] = v;
  }
  return out;
};

describe('preference tags with days', () => {
  it('count only the last D days, and are recomputed in full', async () => {
    const res = await c.post('/v1/tags/refresh', { site: 'shop', tags: ['all_cat', 'recent_cat', 'all_channel', 'recent_channel'] }, admin);
    expect(res.status).toBe(200);
    expect(await values('all_cat')).toEqual({ pia: 'bags', quin: 'bags', rex: 'caps' }); // pia bags 3 > shoes 1; rex tie → caps < hats
    expect(await values('recent_cat')).toEqual({ pia: 'shoes', rex: 'caps' }); // 30 d: pia shoes 1 only; quin nothing
    // Sessions: pia Email (60 d), Email (50 d), Paid Search (5 d); quin Direct (60 d); rex Direct (5 d).
    // The AIPL persons' sessions are direct too; only pia's channels differ with the window.
    const all = await values('all_channel');
    const recent = await values('recent_channel');
    expect([all.pia, all.quin, all.rex]).toEqual(['Email', 'Direct', 'Direct']);
    expect([recent.pia, recent.quin, recent.rex]).toEqual(['Paid Search', undefined, 'Direct']);
    // A second run: the windowed tags are full (the window moves), the others incremental.
    const again = await c.post('/v1/tags/refresh', { site: 'shop', tags: ['all_cat', 'recent_cat', 'all_channel', 'recent_channel'] }, admin);
    expect(Object.fromEntries(again.body.tags.map((t: any) => [t.id, t.mode]))).toEqual({
      all_cat: 'incremental', recent_cat: 'full', all_channel: 'incremental', recent_channel: 'full',
    });
  });

  it('drops values whose events leave the window, without any new event', async () => {
    // 26 days later pia's and rex's views (5 d ago) are 31 d old: outside the 30 days.
    refreshTags(c.store.db, 'shop', { now: now + 26 * DAY, tagIds: ['all_cat', 'recent_cat'] });
    expect(await values('recent_cat')).toEqual({});
    expect(await values('all_cat')).toEqual({ pia: 'bags', quin: 'bags', rex: 'caps' });
  });
});

describe('AIPL loyalty by calendar months', () => {
  it('counts conversions in two months of the site time zone within 365 days', async () => {
    const res = await c.post('/v1/tags/refresh', { site: 'shop', tags: ['aipl30'] }, admin);
    expect(res.body.tags[0]).toMatchObject({ id: 'aipl30', mode: 'full' });
    expect(await values('aipl30')).toEqual({
      lena: 'loyalty',   // 1 conversion in the 30 days, but conversions in month M and this month: 2 months
      mo: 'awareness',   // 2 conversions in M (one month), none in range; a page view 3 d ago
      nia: 'awareness',  // both conversions fall in M + 1 in Shanghai: one month
      otto: 'purchase',  // the conversion 400 d ago is outside the 365-day lookback: 1 month, 1 in range
      pat: 'loyalty',    // 2 conversions in range
      quade: 'purchase', // the same order twice counts once
      pia: 'interest',   // a product view 5 d ago
      rex: 'interest',   // product views 5 d ago
      // quin: no event in the last 30 days, no stage.
    });
  });

  it('reads months in the time zone it is given', async () => {
    // In UTC nia's first conversion (20:00 on the last day of M) is in M, the second in M + 1.
    refreshTags(c.store.db, 'shop', { tagIds: ['aipl30'], timeZone: 'UTC' });
    expect((await values('aipl30')).nia).toBe('loyalty');
  });
});
