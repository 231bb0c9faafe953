/**
 * A generated shop of realistic shape (seeded, so every run sees the same data), ingested twice:
 * once in time order, once with persons and their events shuffled and batched differently.
 * Checks: counts never increase down the steps; both databases give the same answers; and the
 * SQL pipeline agrees with the pure window funnel run on the stored events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { windowFunnel } from '../../../collector/src/analytics/funnels/window-funnel.js';
import { runWithFunnelOptions } from '../../../collector/src/storage/sqlite/analytics/funnels/funnel-aggregate.js';
import { FunnelDefinition } from '../../../collector/src/storage/sqlite/analytics/funnels/funnel-definition.js';
import { planFunnel } from '../../../collector/src/storage/sqlite/analytics/funnels/funnel-sql.js';
import { READ_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, MIN, send, startAnalyticsCollector, visitor } from './funnel-fixtures.js';
import { mulberry32 as prng } from '../../../collector/src/analytics/random.js';

type Json = Record<string, any>;
const START = Date.UTC(2024, 4, 1, 2); // 10:00 on May 1 in Shanghai
const CATEGORIES = ['shoes', 'bags', 'hats'];

/** Persons browse, sometimes add to cart, remove, come back hours later, and check out. */
function generate(random: () => number, persons: number): Json[][] {
  return Array.from({ length: persons }, (_, p) => {
    const v = visitor(`gen-${p}`);
    const events: Json[] = [];
    let t = START + Math.floor(random() * 48) * HOUR + Math.floor(random() * 3600) * 1000;
    const n = 2 + Math.floor(random() * 12);
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.35) events.push(v.page(t, random() < 0.5 ? '/' : '/pricing'));
      else if (r < 0.6) events.push(v.event(t, 'view_product', { category: CATEGORIES[Math.floor(random() * 3)] }));
      else if (r < 0.78) events.push(v.event(t, 'add_to_cart', { sku: `sku-${Math.floor(random() * 5)}` }));
      else if (r < 0.86) events.push(v.event(t, 'remove_from_cart'));
      else events.push(v.event(t, 'checkout'));
      // Mostly minutes apart, sometimes the next day; sometimes the same millisecond.
      const gap = random();
      t += gap < 0.1 ? 0 : gap < 0.85 ? Math.floor(random() * 20) * MIN : Math.floor(random() * 30) * HOUR;
    }
    return events;
  });
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

let ordered: TestCollector;
let shuffled: TestCollector;
const steps = [{ event: 'view_product' }, { event: 'add_to_cart' }, { event: 'checkout' }];
const range = { site: 'shop', from: '2024-04-30', to: '2024-05-10' };

beforeAll(async () => {
  const persons = generate(prng(20240501), 150);
  [ordered, shuffled] = await Promise.all([startAnalyticsCollector(), startAnalyticsCollector()]);
  // Each person's events travel in one batch, so a batch's transit-time shift moves all of a
  // person's events together and their differences stay exact in both databases.
  await send(ordered, persons.flat());
  const random = prng(7);
  const groups = shuffle(persons, random).map((events) => shuffle(events, random));
  for (let i = 0; i < groups.length; i += 17) await send(shuffled, groups.slice(i, i + 17).flat());
}, 30_000);
afterAll(async () => { await Promise.all([ordered?.stop(), shuffled?.stop()]); });

const definitions: Json[] = [
  { steps, window: { value: 1, unit: 'hour' } },
  { steps, window: { value: 2, unit: 'day' }, mode: 'strict_order' },
  { steps, window: { value: 2, unit: 'day' }, mode: 'strict_increase', countBy: 'session' },
  { steps, window: { value: 1, unit: 'day' }, exclusions: [{ event: 'remove_from_cart', between: [2, 3] }], breakdown: 'prop:category' },
  { steps: [{ event: 'page_view', filters: [{ prop: '$path', op: 'eq', value: '/pricing' }] }, ...steps], window: { value: 3, unit: 'day' }, breakdown: 'channel' },
];

const run = async (c: TestCollector, def: Json) => {
  const res = await c.post('/v1/funnels/query', { ...range, ...def }, { authorization: `Bearer ${READ_TOKEN}` });
  expect(res.status).toBe(200);
  return res.body;
};
const nonIncreasing = (figures: { entrants: number }[]) => figures.every((s, k) => k === 0 || s.entrants <= figures[k - 1].entrants);

describe('funnel invariants on a generated shop', () => {
  it.each(definitions.map((d, i) => [i, d]))('definition %i: counts never increase down the steps, in total and per group', async (_i, def) => {
    const report = await run(ordered, def);
    expect(report.steps[0].entrants).toBeGreaterThan(0);
    expect(nonIncreasing(report.steps)).toBe(true);
    for (const group of report.groups ?? []) expect(nonIncreasing(group.steps)).toBe(true);
    // Groups split step-1 entrants without loss.
    if (report.groups) expect(report.groups.reduce((n: number, g: any) => n + g.steps[0].entrants, 0)).toBe(report.steps[0].entrants);
  });

  it.each(definitions.map((d, i) => [i, d]))('definition %i: the same answer whatever the ingest order', async (_i, def) => {
    const [a, b] = await Promise.all([run(ordered, def), run(shuffled, def)]);
    const { range: _ra, ...restA } = a;
    const { range: _rb, ...restB } = b;
    expect(restB).toEqual(restA);
  });

  it('agrees with the pure window funnel run on the stored events', async () => {
    const rows = ordered.query<{ person_id: string; event: string; ts: number }>(
      "SELECT person_id, event, ts FROM events WHERE site = 'shop' AND is_bot = 0 AND event IN ('view_product', 'add_to_cart', 'checkout')",
    );
    const byPerson = new Map<string, { ts: number; steps: number; exclusions: number }[]>();
    for (const r of rows) {
      const mask = r.event === 'view_product' ? 1 : r.event === 'add_to_cart' ? 2 : 4;
      byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), { ts: r.ts, steps: mask, exclusions: 0 }]);
    }
    const expected = [0, 0, 0];
    for (const events of byPerson.values()) {
      const { level } = windowFunnel(events, { window: HOUR, steps: 3 });
      for (let k = 0; k < level; k++) expected[k] += 1;
    }
    // The data must exercise every step, or the comparison proves little.
    expect(expected[2]).toBeGreaterThan(0);
    const report = await run(ordered, definitions[0]);
    expect(report.steps.map((s: any) => s.entrants)).toEqual(expected);
  });

  it.each(definitions.filter((d) => d.countBy !== 'session').map((d, i) => [i, d]))(
    'definition %i: reading in person order or in time order gives the same chains',
    (_i, def) => {
      const db = new Database(ordered.dbPath, { readonly: true });
      try {
        const definition = FunnelDefinition.parse(def);
        const chains = (scan: 'person' | 'time') => {
          const plan = planFunnel('shop', Date.UTC(2024, 3, 29, 16), Date.UTC(2024, 4, 10, 16), definition, scan);
          return runWithFunnelOptions(db, plan.options, () => db.prepare(plan.sql).all(plan.params));
        };
        const byPerson = chains('person');
        expect(byPerson.length).toBeGreaterThan(0);
        expect(chains('time')).toEqual(byPerson);
      } finally {
        db.close();
      }
    },
  );
});
