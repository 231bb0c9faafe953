/**
 * The tag and audience side of the engine equivalence test: the same tags and audiences are
 * created over HTTP on a collector, refreshed, exported and measured, and the answers are read
 * back over HTTP. Wall-clock times are left out, since they differ between any two collectors.
 *
 * Tags relative to "now" at day granularity (lifecycle, RFM recency, AIPL) are left to the
 * direct parity test (tags-audiences.test.ts, with a fixed now): over HTTP both collectors
 * refresh at their own wall-clock now, a minute or two apart, and a person at a boundary could
 * honestly differ. The windows here (400 days) hold the whole seeded month on both.
 */
import { expect } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, type ClickHouseTestCollector, type TestCollector } from '../../collector/helpers/test-collector.js';

const names = (en: string) => ({ name: { en, zh: en }, description: { en, zh: en } });

/** Tags of the kinds whose values do not move with the wall clock at this data's distance. */
const TAGS: Record<string, Record<string, unknown>> = {
  cart_user: { kind: 'behavior', event: 'add_to_cart', minCount: 2, days: 400 },
  big_cart: { kind: 'behavior', event: 'add_to_cart', filters: [{ prop: 'price', op: 'gt', value: 59 }], days: 400 },
  top_channel: { kind: 'preference', dimension: 'channel' },
  top_category: { kind: 'preference', dimension: 'property', event: 'page_view', prop: 'category' },
  spend: { kind: 'value', measure: 'revenue_band', currency: 'CNY', bands: [{ id: 'low', min: 0 }, { id: 'mid', min: 200 }, { id: 'high', min: 600 }] },
  plan: { kind: 'preference', dimension: 'property', event: 'signup', prop: 'plan' },
};

const AUDIENCES: Record<string, Record<string, unknown>> = {
  tea_lovers: {
    expression: { type: 'and', of: [{ type: 'tag', tag: 'top_category', op: 'eq', value: 'tea' }, { type: 'not', of: { type: 'tag', tag: 'spend', op: 'eq', value: 'high' } }] },
    holdout: { share: 0.3, seed: 'tea' },
    activation: { identities: ['user_id'], consent: 'not_withdrawn' },
  },
  repeat_carts: {
    expression: { type: 'or', of: [{ type: 'tag', tag: 'cart_user' }, { type: 'event', event: 'conversion', minCount: 2, days: 400 }] },
    activation: { identities: ['user_id'], consent: 'granted' },
  },
  paid_or_big: {
    expression: { type: 'and', of: [
      { type: 'tag', tag: 'top_channel', op: 'in', value: ['Paid Search', 'Organic Social'] },
      { type: 'or', of: [{ type: 'tag', tag: 'big_cart', op: 'exists' }, { type: 'event', event: 'page_view', filters: [{ prop: 'category', op: 'eq', value: 'gifts' }], days: 400 }] },
    ] },
    holdout: { share: 0.5, seed: 'p' },
    activation: { consent: 'not_withdrawn' },
  },
};

/** Names of the answers `audienceAnswers` gives, in order. */
export const AUDIENCE_ANSWERS = [
  ...Object.keys(TAGS).map((id) => `tag ${id}`),
  ...Object.keys(AUDIENCES).flatMap((id) => [`${id}: refresh`, `${id}: members`, `${id}: export`, `${id}: lift`, `${id}: sizes`]),
  'overlap', 'preview', 'person tags', 'consent',
];

const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
const READ = { authorization: `Bearer ${READ_TOKEN}` };

type AnyCollector = TestCollector | ClickHouseTestCollector;

/** Creates the tags and audiences on `c`, works them, and returns its answers by name. */
export async function audienceAnswers(c: AnyCollector): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const res = await p;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  for (const [id, rule] of Object.entries(TAGS)) await ok(c.post('/v1/tags', { site: 'shop', id, ...names(id), rule }, ADMIN), 201);
  const refreshed = await ok(c.post('/v1/tags/refresh', { site: 'shop' }, ADMIN));
  expect(refreshed.tags.map((t: { id: string }) => t.id).sort()).toEqual(Object.keys(TAGS).sort());
  for (const id of Object.keys(TAGS)) {
    const tag = await ok(c.get(`/v1/tags/${id}?site=shop`, READ_TOKEN));
    out.set(`tag ${id}`, tag.values.map(({ computedAt: _t, ...v }: Record<string, unknown>) => v));
  }
  // A consent statement over the API: a member of every audience opts out, before the exports.
  const consentOf = await ok(c.post('/v1/persons/u-3/consent', { site: 'shop', granted: false, ts: Date.UTC(2026, 3, 1) }, ADMIN));
  out.set('consent', consentOf);
  for (const [id, def] of Object.entries(AUDIENCES)) {
    const saved = await ok(c.post('/v1/audiences', { site: 'shop', id, ...names(id), ...def }, ADMIN), 201);
    const { computedAt: _t, ...refresh } = saved.refresh;
    out.set(`${id}: refresh`, refresh);
    const members = await ok(c.get(`/v1/audiences/${id}/members?site=shop&limit=1000`, READ_TOKEN));
    out.set(`${id}: members`, { ...members, items: members.items.map(({ joinedAt: _j, ...m }: Record<string, unknown>) => m) });
    if ((def.activation as { consent: string }).consent === 'granted') {
      // Under `granted` only persons who said yes leave: three members say so over the API.
      for (const m of members.items.filter((x: { holdout: boolean }) => !x.holdout).slice(0, 3)) {
        await ok(c.post(`/v1/persons/${encodeURIComponent(m.personId)}/consent`, { site: 'shop', granted: true, ts: Date.UTC(2026, 3, 2) }, ADMIN));
      }
    }
    const csv = await c.get(`/v1/audiences/${id}/export.csv?site=shop`, ADMIN_TOKEN);
    expect(csv.status).toBe(200);
    out.set(`${id}: export`, csv.body);
    // Exported persons count from their delivery (just now), so the range runs to tomorrow.
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const lift = await ok(c.get(`/v1/audiences/${id}/lift?site=shop&from=2026-03-01&to=${to}&goal=purchase`, READ_TOKEN));
    out.set(`${id}: lift`, { ...lift, to: undefined, range: undefined });
    const sizes = (await ok(c.get(`/v1/audiences/${id}?site=shop`, READ_TOKEN))).sizes;
    out.set(`${id}: sizes`, sizes.map(({ computedAt: _c, ...s }: Record<string, unknown>) => s));
  }
  out.set('overlap', await ok(c.get('/v1/audiences/overlap?site=shop&a=tea_lovers&b=paid_or_big', READ_TOKEN)));
  out.set('preview', await ok(c.post('/v1/audiences/preview', { site: 'shop', expression: AUDIENCES.repeat_carts.expression }, READ)));
  const tags = await ok(c.get('/v1/persons/u-3/tags?site=shop', READ_TOKEN));
  out.set('person tags', tags.tags.map(({ computedAt: _c, ...t }: Record<string, unknown>) => t));
  return out;
}
