import { describe, expect, it } from 'vitest';
import { shapley, shapleyValues } from '../../../collector/src/analytics/attribution/shapley-attribution.js';
import type { AttributionInput } from '../../../collector/src/analytics/attribution/types.js';
import { conversion, lost } from './attribution-fixtures.js';

describe('Shapley with the conversion-rate value (default)', () => {
  it('two channels, worked by hand', () => {
    // Paths: {A} converts, {B} converts, {B} fails, {A,B} converts.
    // v(A) = 1/1 = 1; v(B) = 1/2; v(AB) = 3/4 (3 of 4 paths convert).
    // φ_A = ½[(v(A) − 0) + (v(AB) − v(B))] = ½[1 + ¼] = 0.625
    // φ_B = ½[(v(B) − 0) + (v(AB) − v(A))] = ½[½ − ¼] = 0.125;  φ_A + φ_B = ¾ = v(AB).
    // Credit shares 0.625 : 0.125 = 5/6 : 1/6 of 3 conversions → A 2.5, B 0.5.
    const input = {
      conversions: [conversion(10, ['A']), conversion(10, ['B']), conversion(40, ['A', 'B'])],
      nonConverting: [lost(['B'])],
    };
    const { values, method } = shapleyValues(input);
    expect(method).toBe('exact');
    expect(values.get('A')).toBeCloseTo(0.625, 12);
    expect(values.get('B')).toBeCloseTo(0.125, 12);
    const r = shapley(input);
    expect(r.credits.get('A')!.conversions).toBeCloseTo(2.5, 12);
    expect(r.credits.get('B')!.conversions).toBeCloseTo(0.5, 12);
    // Revenue 60 with the same shares: 50 and 10.
    expect(r.credits.get('A')!.revenue).toBeCloseTo(50, 10);
  });

  it('a channel with a negative value gets no credit', () => {
    // Paths: {A} converts, {A} fails, {B} converts, {A,B} fails twice.
    // v(A) = 1/2, v(B) = 1, v(AB) = 2/5.
    // φ_A = ½[½ + (2/5 − 1)] = −0.05;  φ_B = ½[1 + (2/5 − ½)] = 0.45;  sum 0.4 = v(AB).
    // Negative A is clamped to 0: B gets both touched conversions (and all 30 revenue).
    const input = {
      conversions: [conversion(10, ['A']), conversion(20, ['B'])],
      nonConverting: [lost(['A']), lost(['A', 'B'], 2)],
    };
    const { values } = shapleyValues(input);
    expect(values.get('A')).toBeCloseTo(-0.05, 12);
    expect(values.get('B')).toBeCloseTo(0.45, 12);
    const r = shapley(input);
    expect(r.credits.has('A')).toBe(false);
    expect(r.credits.get('B')).toEqual({ conversions: 2, revenue: 30 });
  });
});

describe('Shapley with the conversion-count value', () => {
  it('equals the closed form Σ conversions(T)/|T| over channel sets', () => {
    // Sets: {A} ×2, {A,B} ×1, {B,C} ×1 (order and repeats inside a path do not matter).
    // φ_A = 2 + ½ = 2.5;  φ_B = ½ + ½ = 1;  φ_C = ½.  Total 4 = all conversions.
    const input = {
      conversions: [conversion(1, ['A']), conversion(1, ['A', 'A']), conversion(1, ['B', 'A']), conversion(1, ['C', 'B', 'C'])],
    };
    const { values } = shapleyValues(input, { value: 'conversions' });
    expect(values.get('A')).toBeCloseTo(2.5, 12);
    expect(values.get('B')).toBeCloseTo(1, 12);
    expect(values.get('C')).toBeCloseTo(0.5, 12);
  });
});

describe('Shapley above the exact limit (permutation sampling)', () => {
  // 14 channels c00…c13 on overlapping paths, some failing.
  const keys = Array.from({ length: 14 }, (_, i) => `c${String(i).padStart(2, '0')}`);
  const input: AttributionInput = {
    conversions: keys.flatMap((k, i) => [conversion(10 + i, [k, keys[(i + 1) % 14]]), conversion(5, [k])]),
    nonConverting: keys.map((k, i) => lost([k, keys[(i + 3) % 14]], 1 + (i % 3))),
  };

  it('switches to sampling above 12 channels and reports standard errors', () => {
    const sampled = shapleyValues(input);
    expect(sampled.method).toBe('permutation_sampling');
    expect(sampled.samples).toBe(4000);
    expect(sampled.standardErrors!.size).toBe(14);
  });

  it('stays within 5 standard errors of the exact values', () => {
    const exact = shapleyValues(input, { exactLimit: 14 });
    const sampled = shapleyValues(input);
    expect(exact.method).toBe('exact');
    for (const k of keys) {
      const bound = 5 * sampled.standardErrors!.get(k)! + 1e-12;
      expect(Math.abs(sampled.values.get(k)! - exact.values.get(k)!)).toBeLessThanOrEqual(bound);
    }
  });

  it('estimates sum to v(N) exactly and the same seed gives the same result', () => {
    // v(N): 28 conversions out of 28 + Σ(1 + i mod 3) = 28 + 27 paths.
    const vN = 28 / (28 + keys.reduce((s, _, i) => s + 1 + (i % 3), 0));
    const a = shapleyValues(input, { seed: 7 });
    const b = shapleyValues(input, { seed: 7 });
    expect([...a.values.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(vN, 12);
    expect([...a.values]).toEqual([...b.values]);
  });

  it('rejects bad options with a pointer', () => {
    expect(() => shapleyValues(input, { samples: 0 })).toThrow('/samples: got 0');
    expect(() => shapleyValues(input, { exactLimit: 40 })).toThrow('/exactLimit');
  });
});
