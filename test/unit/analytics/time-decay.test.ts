import { describe, expect, it } from 'vitest';
import { timeDecay } from '../../../collector/src/analytics/attribution/rule-based-models.js';
import { DAY, HOUR, touch } from './attribution-fixtures.js';

const CONVERSION_TS = Date.UTC(2024, 2, 15, 12, 0); // 2024-03-15 12:00 UTC

describe('time decay', () => {
  it("Google's rule: a touch 8 days before gets half the credit of one 1 day before (7-day half-life)", () => {
    // Weights 2^(−8/7) and 2^(−1/7); their ratio is 2^(−7/7) = 1/2. Normalised: 1/3 and 2/3.
    // Revenue 300 → 100 and 200.
    const r = timeDecay({
      conversions: [{ value: 300, ts: CONVERSION_TS, touches: [touch('old', CONVERSION_TS - 8 * DAY), touch('recent', CONVERSION_TS - DAY)] }],
    });
    expect(r.credits.get('old')!.conversions).toBeCloseTo(1 / 3, 12);
    expect(r.credits.get('old')!.revenue).toBeCloseTo(100, 10);
    expect(r.credits.get('recent')!.conversions).toBeCloseTo(2 / 3, 12);
    expect(r.credits.get('recent')!.revenue).toBeCloseTo(200, 10);
  });

  // An Adobe-style example in whole days, 7-day half-life, conversion on 15 March at 12:00:
  //   paid search on 1 March 18:00 → 13 d 18 h before → 13 whole days → weight 2^(−13/7)
  //   email       on 8 March 09:00 →  7 d  3 h before →  7 whole days → weight 2^(−7/7) = 1/2
  //   social      on 15 March 08:00 →       4 h before →  0 whole days → weight 2^0 = 1
  // Sum S = 2^(−13/7) + 1/2 + 1 ≈ 0.27602 + 1.5 = 1.77602; shares ≈ 15.54 %, 28.15 %, 56.31 %.
  const adobe = {
    conversions: [
      {
        value: 1000,
        ts: CONVERSION_TS,
        touches: [
          touch('paid_search', Date.UTC(2024, 2, 1, 18, 0)),
          touch('email', Date.UTC(2024, 2, 8, 9, 0)),
          touch('social', Date.UTC(2024, 2, 15, 8, 0)),
        ],
      },
    ],
  };

  it('whole-day Δt reproduces the hand-worked shares', () => {
    const s = 2 ** (-13 / 7) + 0.5 + 1;
    const r = timeDecay(adobe, { wholeDays: true });
    expect(r.credits.get('paid_search')!.conversions).toBeCloseTo(2 ** (-13 / 7) / s, 12);
    expect(r.credits.get('email')!.conversions).toBeCloseTo(0.5 / s, 12);
    expect(r.credits.get('social')!.conversions).toBeCloseTo(1 / s, 12);
    // Rounded figures from the comment, to catch a formula that is merely self-consistent.
    expect(r.credits.get('paid_search')!.revenue).toBeCloseTo(155.4, 0);
    expect(r.credits.get('email')!.revenue).toBeCloseTo(281.5, 0);
    expect(r.credits.get('social')!.revenue).toBeCloseTo(563.1, 0);
  });

  it('exact Δt differs from whole days: 13.75 d, 7.125 d and 4 h', () => {
    // Weights 2^(−13.75/7), 2^(−7.125/7), 2^(−(4/24)/7).
    const w = [2 ** (-13.75 / 7), 2 ** (-7.125 / 7), 2 ** (-(4 / 24) / 7)];
    const s = w[0] + w[1] + w[2];
    const r = timeDecay(adobe);
    expect(r.credits.get('paid_search')!.conversions).toBeCloseTo(w[0] / s, 12);
    expect(r.credits.get('social')!.conversions).toBeCloseTo(w[2] / s, 12);
  });

  it('the half-life is configurable: with 1 day, a touch 1 day older gets half', () => {
    // Touches 2 h and 26 h before: Δ differs by exactly 1 day → weights 1 : 1/2 → 2/3 and 1/3.
    const r = timeDecay(
      { conversions: [{ value: 3, ts: CONVERSION_TS, touches: [touch('a', CONVERSION_TS - 26 * HOUR), touch('b', CONVERSION_TS - 2 * HOUR)] }] },
      { halfLifeMs: DAY },
    );
    expect(r.credits.get('a')!.conversions).toBeCloseTo(1 / 3, 12);
    expect(r.credits.get('b')!.revenue).toBeCloseTo(2, 12);
  });

  it('does not underflow on very old touches with a short half-life', () => {
    // 2^(−(3000 d)/1 h) is 0 in floating point, so naive weights would give 0/0. Relative to the
    // newest touch: y = 2^0 = 1, x is one day (24 half-lives) older = 2^−24 → y gets 1/(1 + 2^−24).
    const r = timeDecay(
      { conversions: [{ value: 1, ts: 4000 * DAY, touches: [touch('x', 1000 * DAY), touch('y', 1001 * DAY)] }] },
      { halfLifeMs: HOUR },
    );
    expect(r.credits.get('y')!.conversions).toBeCloseTo(1 / (1 + 2 ** -24), 14);
    expect(r.credits.get('x')!.conversions).toBeCloseTo(2 ** -24 / (1 + 2 ** -24), 14);
  });

  it('rejects a half-life that is not positive', () => {
    expect(() => timeDecay({ conversions: [] }, { halfLifeMs: 0 })).toThrow('/halfLifeMs: got 0');
  });
});
