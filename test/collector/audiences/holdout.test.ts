import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdoutPoint, inHoldout } from '../../../collector/src/audiences/holdout.js';
import { conversion } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';

/** The definition, written out independently: first 48 bits of SHA-256(seed, NUL, id) / 2^48. */
const point = (id: string, seed: string) => createHash('sha256').update(`${seed}\u0000${id}`).digest().readUIntBE(0, 6) / 2 ** 48;

describe('holdout assignment', () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);

  it('follows the definition and is deterministic', () => {
    for (const id of ids.slice(0, 200)) expect(holdoutPoint(id, 'seed-a')).toBe(point(id, 'seed-a'));
    const once = ids.filter((id) => inHoldout(id, 'seed-a', 0.1));
    const again = ids.filter((id) => inHoldout(id, 'seed-a', 0.1));
    expect(again).toEqual(once);
  });

  it('keeps the share within 3σ on 20 000 persons, independently per seed', () => {
    // n = 20 000, p = 0.1: mean 2 000, σ = √(n p (1 − p)) = √1 800 ≈ 42.4, 3σ ≈ 127.
    const a = new Set(ids.filter((id) => inHoldout(id, 'seed-a', 0.1)));
    const b = new Set(ids.filter((id) => inHoldout(id, 'seed-b', 0.1)));
    for (const s of [a, b]) expect(Math.abs(s.size - 2000)).toBeLessThan(3 * Math.sqrt(1800));
    // Independent seeds: both ≈ n p² = 200, σ = √(n p² (1 − p²)) = √198 ≈ 14.1, 3σ ≈ 42.
    const both = [...a].filter((id) => b.has(id)).length;
    expect(Math.abs(both - 200)).toBeLessThan(3 * Math.sqrt(198));
    expect(inHoldout('user-1', 'seed-a', 0)).toBe(false);
  });
});

describe('lift: exported members vs holdout', () => {
  let c: TestCollector;
  const now = Date.now();
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const persons = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  beforeAll(async () => {
    c = await startAnalyticsCollector();
    await send(c, persons.map((p) => conversion(now - 3 * HOUR, 0, 'CNY', { anonymousId: p, sessionId: `s-${p}` }, { goal: 'signup' })));
  });
  afterAll(async () => { await c.stop(); });

  it('compares conversion rates of the two groups', async () => {
    const bi = { en: 'signed up', zh: '已注册' };
    const expression = { type: 'event', event: 'conversion', filters: [{ prop: '$goal', op: 'eq', value: 'signup' }], days: 1 };
    const saved = await c.post('/v1/audiences', { site: 'shop', id: 'signed', name: bi, description: bi, expression, holdout: { share: 0.5, seed: 'lift' }, activation: { consent: 'not_withdrawn' } }, admin);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const held = persons.filter((p) => point(`anon:${p}`, 'lift') < 0.5);
    expect(saved.body.refresh).toMatchObject({ members: 40, holdout: held.length });
    const csv = await (await fetch(`${c.url}/v1/audiences/signed/export.csv?site=shop`, { headers: admin })).text();
    const exported = csv.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    // The holdout never leaves: the export is exactly the other members.
    expect(exported).toEqual(persons.filter((p) => !held.includes(p)).map((p) => `anon:${p}`));
    // The first ten persons buy an hour ago.
    await send(c, persons.slice(0, 10).map((p) => conversion(now - HOUR, 50, 'CNY', { anonymousId: p, sessionId: `s-${p}` }, { goal: 'purchase' })));
    const from = new Date(now - 2 * HOUR).toISOString();
    const to = new Date(now + HOUR).toISOString();
    const lift = await c.get(`/v1/audiences/signed/lift?site=shop&goal=purchase&from=${from}&to=${to}`, READ_TOKEN);
    expect(lift.status, JSON.stringify(lift.body)).toBe(200);
    const buyers = new Set(persons.slice(0, 10));
    const heldBuyers = held.filter((p) => buyers.has(p)).length;
    const exportedBuyers = 10 - heldBuyers;
    expect(lift.body.exported).toEqual({ persons: 40 - held.length, converted: exportedBuyers, rate: exportedBuyers / (40 - held.length) });
    expect(lift.body.holdout).toEqual({ persons: held.length, converted: heldBuyers, rate: heldBuyers / held.length });
    expect(lift.body.absoluteLift).toBeCloseTo(exportedBuyers / (40 - held.length) - heldBuyers / held.length, 12);
  });
});
