import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareModels, MODEL_IDS } from '../../../collector/src/analytics/attribution/compare-models.js';
import { shapleyValues } from '../../../collector/src/analytics/attribution/shapley-attribution.js';
import type { AttributionInput, Conversion, NonConvertingPath } from '../../../collector/src/analytics/attribution/types.js';
import { creditedTotal, DAY } from './attribution-fixtures.js';

const KEYS = ['direct', 'email', 'paid_search', 'social', 'referral', 'organic_search'];

const touchArb = fc.record({
  key: fc.constantFrom(...KEYS),
  ts: fc.integer({ min: 0, max: 30 * DAY }),
}).map((t) => ({ ...t, direct: t.key === 'direct' }));

const conversionArb: fc.Arbitrary<Conversion> = fc.record({
  value: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5000, noNaN: true })),
  ts: fc.constant(31 * DAY),
  touches: fc.array(touchArb, { maxLength: 6 }),
});

const lostArb: fc.Arbitrary<NonConvertingPath> = fc.record({
  touches: fc.array(touchArb, { minLength: 1, maxLength: 5 }),
  count: fc.integer({ min: 1, max: 4 }),
});

const inputArb = fc.record({
  conversions: fc.array(conversionArb, { maxLength: 12 }),
  nonConverting: fc.array(lostArb, { maxLength: 8 }),
});

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('properties of every model', () => {
  it('credits plus unattributed add up to the totals, conversions and revenue', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const cmp = compareModels(input);
        const expectedConversions = input.conversions.length;
        const expectedRevenue = input.conversions.reduce((s, c) => s + c.value, 0);
        for (const id of MODEL_IDS) {
          const sum = creditedTotal(cmp.results[id]);
          expect(close(sum.conversions, expectedConversions), `${id} conversions`).toBe(true);
          expect(close(sum.revenue, expectedRevenue), `${id} revenue`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never gives negative credit', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const cmp = compareModels(input);
        for (const row of cmp.rows) {
          for (const id of MODEL_IDS) {
            expect(row.credits[id].conversions).toBeGreaterThanOrEqual(0);
            expect(row.credits[id].revenue).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of conversions and paths', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffled: AttributionInput = {
          conversions: shuffle(input.conversions, seed),
          nonConverting: shuffle(input.nonConverting, seed + 1),
        };
        const a = compareModels(input);
        const b = compareModels(shuffled);
        expect(b.rows.map((r) => r.key)).toEqual(a.rows.map((r) => r.key));
        a.rows.forEach((row, i) => {
          for (const id of MODEL_IDS) {
            expect(close(row.credits[id].conversions, b.rows[i].credits[id].conversions), id).toBe(true);
            expect(close(row.credits[id].revenue, b.rows[i].credits[id].revenue), id).toBe(true);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('Shapley with the conversion-count value matches its closed form', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const expected = new Map<string, number>();
        for (const c of input.conversions) {
          const set = new Set(c.touches.map((t) => t.key));
          for (const k of set) expected.set(k, (expected.get(k) ?? 0) + 1 / set.size);
        }
        const { values } = shapleyValues(input, { value: 'conversions' });
        for (const [k, v] of values) expect(close(v, expected.get(k) ?? 0), k).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

/** Deterministic Fisher–Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
