/**
 * Set laws of audiences on a generated shop (seeded PRNG, 300 persons and 20 bots, through the
 * real ingest path): the selected sets match the definitions worked out here in plain code, and
 * |A ∪ B| = |A| + |B| − |A ∩ B|, NOT A ∪ A = every human person, holdout ∩ export = ∅,
 * overlap(A, B) = |A ∩ B|.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify, pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { DAY, HOUR, send, startAnalyticsCollector, visitor } from '../funnels/funnel-fixtures.js';
import { mulberry32 as prng } from '../../../collector/src/analytics/random.js';

const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const CITIES = ['Beijing', 'Shanghai', 'Shenzhen'];

interface Person { id: string; anon: string; city: string | null; consent: boolean | null; views: number }

/** One generated person: maybe identified (city, consent), 1–3 page views, 0–3 product views in the last 6 days. */
function generate(rand: () => number, i: number): Person {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const identified = rand() < 0.6;
  return {
    id: identified ? `u${i}` : `anon:g${i}`, anon: `g${i}`,
    city: identified ? pick([...CITIES, null]) : null,
    consent: identified ? pick([true, false, null]) : null,
    views: Math.floor(rand() * 4),
  };
}

/** The person's events. Times keep ≥ 1 h away from the 7-day edge of the event condition. */
function eventsOf(p: Person, rand: () => number, now: number): object[] {
  const v = visitor(p.anon);
  const out: object[] = [];
  const pages = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < pages; k++) out.push(pageView(now - HOUR - Math.floor(rand() * 20 * DAY), '/', { anonymousId: p.anon, sessionId: `s-${p.anon}-${k}` }));
  for (let k = 0; k < p.views; k++) out.push(v.event(now - HOUR - Math.floor(rand() * 6 * DAY), 'view_product', { category: 'shoes' }));
  if (p.id.startsWith('u')) out.push(identify(now - 2 * HOUR, p.id, {}, { ...(p.city ? { city: p.city } : {}), ...(p.consent === null ? {} : { consent: p.consent }) }, { anonymousId: p.anon, sessionId: `s-${p.anon}-0` }));
  return out;
}

let c: TestCollector;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const bi = (en: string) => ({ en, zh: en });
const rand = prng(20240611);
const persons = Array.from({ length: 300 }, (_, i) => generate(rand, i));
const bots = Array.from({ length: 20 }, (_, i): Person => ({ id: `anon:bot${i}`, anon: `bot${i}`, city: null, consent: null, views: 3 }));

// The definitions, worked out in plain code from the generated persons.
const A_DEF = { type: 'event', event: 'view_product', minCount: 2, days: 7 };
const B_DEF = { type: 'tag', tag: 'city', op: 'eq', value: 'Beijing' };
const ids = (ps: Person[]) => ps.map((p) => p.id).sort();
const everyone = ids(persons);
const A = ids(persons.filter((p) => p.views >= 2));
const B = ids(persons.filter((p) => p.city === 'Beijing'));

beforeAll(async () => {
  c = await startAnalyticsCollector();
  await send(c, persons.flatMap((p) => eventsOf(p, rand, now)));
  // Bots: three product views each (A by behaviour), but stored as bots and never a member.
  await send(c, bots.flatMap((p) => eventsOf(p, rand, now)), { 'user-agent': BOT_UA });
  const tag = await c.post('/v1/tags', { site: 'shop', id: 'city', name: bi('city'), description: bi('city'), rule: { kind: 'attribute', trait: 'city' } }, admin);
  expect(tag.status).toBe(201);
  const audiences: Record<string, object> = {
    a: A_DEF, b: B_DEF, a_and_b: { type: 'and', of: [A_DEF, B_DEF] }, a_or_b: { type: 'or', of: [A_DEF, B_DEF] }, not_a: { type: 'not', of: A_DEF },
  };
  for (const [id, expression] of Object.entries(audiences)) {
    const holdout = id === 'a_or_b' ? { holdout: { share: 0.3, seed: 'gen' } } : {};
    const res = await c.post('/v1/audiences', { site: 'shop', id, name: bi(id), description: bi(id), expression, ...holdout, activation: { consent: 'not_withdrawn' } }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}, 20_000);
afterAll(async () => { await c.stop(); });

const members = async (id: string) => {
  const res = await c.get(`/v1/audiences/${id}/members?site=shop&limit=1000`, READ_TOKEN);
  expect(res.status).toBe(200);
  return res.body.items as { personId: string; holdout: boolean }[];
};
const set = async (id: string) => (await members(id)).map((m) => m.personId).sort();
const both = (x: string[], y: string[]) => x.filter((p) => y.includes(p));

describe('audience set laws on generated data', () => {
  it('selects what the definitions say, bots never', async () => {
    // Sanity of the generated data: both sets are neither empty nor everyone.
    expect(A.length).toBeGreaterThan(30);
    expect(B.length).toBeGreaterThan(20);
    expect(A.length).toBeLessThan(everyone.length);
    const stored = c.query<{ n: number }>("SELECT count(DISTINCT person_id) AS n FROM events WHERE is_bot = 1 AND person_id LIKE 'anon:bot%'");
    expect(stored).toEqual([{ n: 20 }]);
    expect(await set('a')).toEqual(A);
    expect(await set('b')).toEqual(B);
    expect(await set('a_and_b')).toEqual(both(A, B));
  });

  it('|A ∪ B| = |A| + |B| − |A ∩ B|', async () => {
    const union = await set('a_or_b');
    expect(union.length).toBe(A.length + B.length - both(A, B).length);
    expect(union).toEqual([...new Set([...A, ...B])].sort());
  });

  it('NOT A ∪ A = every human person, and NOT A ∩ A = ∅', async () => {
    const notA = await set('not_a');
    expect([...notA, ...A].sort()).toEqual(everyone);
    expect(both(notA, A)).toEqual([]);
  });

  it('overlap(A, B) = |A ∩ B|', async () => {
    const res = await c.get('/v1/audiences/overlap?site=shop&a=a&b=b', READ_TOKEN);
    const n = both(A, B).length;
    expect(res.body).toMatchObject({ a: A.length, b: B.length, both: n, onlyA: A.length - n, onlyB: B.length - n, union: A.length + B.length - n });
    expect(res.body.jaccard).toBeCloseTo(n / (A.length + B.length - n), 12);
  });

  it('holdout ∩ export = ∅; export = members − holdout − withdrawn', async () => {
    const all = await members('a_or_b');
    // The holdout by its definition: first 48 bits of SHA-256(seed, NUL, person id) / 2^48 < 0.3.
    const point = (id: string) => createHash('sha256').update(`gen\u0000${id}`).digest().readUIntBE(0, 6) / 2 ** 48;
    const held = all.filter((m) => m.holdout).map((m) => m.personId).sort();
    expect(held).toEqual(all.map((m) => m.personId).filter((id) => point(id) < 0.3).sort());
    const csv = await (await fetch(`${c.url}/v1/audiences/a_or_b/export.csv?site=shop`, { headers: admin })).text();
    const exported = csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(both(exported, held)).toEqual([]);
    const withdrawn = new Set(persons.filter((p) => p.consent === false).map((p) => p.id));
    expect(exported).toEqual(all.map((m) => m.personId).filter((id) => !held.includes(id) && !withdrawn.has(id)).sort());
    expect(held.length).toBeGreaterThan(0);
    expect(exported.length).toBeGreaterThan(0);
  });
});
