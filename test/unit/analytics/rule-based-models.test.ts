import { describe, expect, it } from 'vitest';
import { compareModels, MODEL_IDS } from '../../../collector/src/analytics/attribution/compare-models.js';
import {
  firstTouch,
  lastNonDirect,
  lastTouch,
  linear,
  positionBased,
} from '../../../collector/src/analytics/attribution/rule-based-models.js';
import { AnalyticsInputError } from '../../../collector/src/analytics/input-error.js';
import { conversion, creditsOf, DAY, touch } from './attribution-fixtures.js';

function expectCredit(actual: { conversions: number; revenue: number } | undefined, conversions: number, revenue: number) {
  expect(actual).toBeDefined();
  expect(actual!.conversions).toBeCloseTo(conversions, 12);
  expect(actual!.revenue).toBeCloseTo(revenue, 12);
}

describe('first, last and last non-direct touch', () => {
  // Path: direct → email → direct_app, worth 80.
  const input = { conversions: [conversion(80, ['direct', 'email', 'direct_app'])] };

  it('first touch gives everything to the oldest touch', () => {
    expect(creditsOf(firstTouch(input))).toEqual({ direct: { conversions: 1, revenue: 80 } });
  });
  it('last touch gives everything to the newest touch', () => {
    expect(creditsOf(lastTouch(input))).toEqual({ direct_app: { conversions: 1, revenue: 80 } });
  });
  it('last non-direct skips trailing direct touches', () => {
    expect(creditsOf(lastNonDirect(input))).toEqual({ email: { conversions: 1, revenue: 80 } });
  });
  it('last non-direct falls back to the last direct touch when all are direct', () => {
    const all = { conversions: [conversion(10, ['direct', 'direct_app'])] };
    expect(creditsOf(lastNonDirect(all))).toEqual({ direct_app: { conversions: 1, revenue: 10 } });
  });
  it('re-sorts touches by time before choosing', () => {
    const shuffled = {
      conversions: [{ value: 5, ts: 10 * DAY, touches: [touch('late', 9 * DAY), touch('early', 1 * DAY)] }],
    };
    expect(creditsOf(firstTouch(shuffled))).toEqual({ early: { conversions: 1, revenue: 5 } });
    expect(creditsOf(lastTouch(shuffled))).toEqual({ late: { conversions: 1, revenue: 5 } });
  });
});

describe('linear', () => {
  it('splits count and revenue equally per touch', () => {
    // Conversion 1 (90): A, B, C get 1/3 each → 30 revenue each.
    // Conversion 2 (60): A, B get 1/2 each → 30 revenue each.
    // A: 1/3 + 1/2 = 5/6 conversions, 30 + 30 = 60 revenue; B the same; C: 1/3 and 30.
    const r = linear({ conversions: [conversion(90, ['A', 'B', 'C']), conversion(60, ['A', 'B'])] });
    expectCredit(r.credits.get('A'), 5 / 6, 60);
    expectCredit(r.credits.get('B'), 5 / 6, 60);
    expectCredit(r.credits.get('C'), 1 / 3, 30);
  });
  it('adds up repeated keys on one path', () => {
    // A, B, A: A gets 2/3, B 1/3 of 30.
    const r = linear({ conversions: [conversion(30, ['A', 'B', 'A'])] });
    expectCredit(r.credits.get('A'), 2 / 3, 20);
    expectCredit(r.credits.get('B'), 1 / 3, 10);
  });
});

describe('position-based (40/20/40)', () => {
  it('one touch gets 100 %, two touches 50/50', () => {
    expect(creditsOf(positionBased({ conversions: [conversion(10, ['A'])] }))).toEqual({ A: { conversions: 1, revenue: 10 } });
    const two = positionBased({ conversions: [conversion(10, ['A', 'B'])] });
    expectCredit(two.credits.get('A'), 0.5, 5);
    expectCredit(two.credits.get('B'), 0.5, 5);
  });
  it('three touches: 40 / 20 / 40', () => {
    // 100 × 0.4 = 40, 100 × 0.2 = 20, 100 × 0.4 = 40.
    const r = positionBased({ conversions: [conversion(100, ['A', 'B', 'C'])] });
    expectCredit(r.credits.get('A'), 0.4, 40);
    expectCredit(r.credits.get('B'), 0.2, 20);
    expectCredit(r.credits.get('C'), 0.4, 40);
  });
  it('four touches: 40 / 10 / 10 / 40', () => {
    // The middle two share 20 %: 10 % each; of 200 that is 20 each, the ends 80 each.
    const r = positionBased({ conversions: [conversion(200, ['A', 'B', 'C', 'D'])] });
    expectCredit(r.credits.get('A'), 0.4, 80);
    expectCredit(r.credits.get('B'), 0.1, 20);
    expectCredit(r.credits.get('C'), 0.1, 20);
    expectCredit(r.credits.get('D'), 0.4, 80);
  });
});

describe('unattributed conversions and bad input', () => {
  it('a conversion without touches is counted but unattributed', () => {
    const r = linear({ conversions: [conversion(50, []), conversion(20, ['A'])] });
    expect(r.unattributed).toEqual({ conversions: 1, revenue: 50 });
    expect(r.totals).toEqual({ conversions: 2, revenue: 70 });
    expect(creditsOf(r)).toEqual({ A: { conversions: 1, revenue: 20 } });
  });
  it('names the bad value by JSON pointer', () => {
    const bad = { conversions: [conversion(1, ['A']), { value: Number.NaN, ts: 0, touches: [] }] };
    expect(() => linear(bad)).toThrow(AnalyticsInputError);
    expect(() => linear(bad)).toThrow('/conversions/1/value: got NaN; expected a finite number ≥ 0');
    const badKey = { conversions: [{ value: 1, ts: 0, touches: [{ key: '', ts: 0, direct: false }] }] };
    expect(() => firstTouch(badKey)).toThrow('/conversions/0/touches/0/key');
  });
});

describe('compareModels', () => {
  it('lines up every model by key, with 0 where a model gave nothing', () => {
    // One conversion worth 100 on email → direct: first touch all to email, last touch all to direct,
    // last non-direct all to email, linear 50/50, position-based 50/50 (two touches).
    const cmp = compareModels({ conversions: [conversion(100, ['email', 'direct'])] });
    expect(cmp.models).toEqual(MODEL_IDS);
    expect(cmp.rows.map((r) => r.key)).toEqual(['direct', 'email']);
    const [direct, email] = cmp.rows;
    expect(email.credits.first_touch).toEqual({ conversions: 1, revenue: 100 });
    expect(direct.credits.first_touch).toEqual({ conversions: 0, revenue: 0 });
    expect(direct.credits.last_touch).toEqual({ conversions: 1, revenue: 100 });
    expect(email.credits.last_non_direct).toEqual({ conversions: 1, revenue: 100 });
    expect(email.credits.linear).toEqual({ conversions: 0.5, revenue: 50 });
    expect(direct.credits.position_based).toEqual({ conversions: 0.5, revenue: 50 });
    expect(cmp.totals).toEqual({ conversions: 1, revenue: 100 });
  });
});
