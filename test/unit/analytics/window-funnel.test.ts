import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeFunnel } from '../../../collector/src/analytics/funnels/summarize-funnel.js';
import { windowFunnel, type FunnelEvent, type WindowFunnelOptions } from '../../../collector/src/analytics/funnels/window-funnel.js';

const A = 1; // step 1
const B = 2; // step 2
const C = 4; // step 3
const D = 8; // step 4
const OTHER = 0; // an event matching no step

const ev = (ts: number, steps: number, exclusions = 0): FunnelEvent => ({ ts, steps, exclusions });
const level = (events: FunnelEvent[], options: WindowFunnelOptions) => windowFunnel(events, options).level;

describe('ClickHouse documentation example, reconstructed', () => {
  // User 1: 1003 on 29 Jan 10:00, 1007 on 31 Jan 09:00, 1009 on 30 Jan 08:00, 1010 on 1 Feb 08:00
  // (listed out of order, as in the docs table). Funnel: 1003 → 1009 → 1007 → 1010.
  const t = (d: number, h: number) => Date.UTC(2019, 0, d, h);
  const rows = [ev(t(29, 10), A), ev(t(31, 9), C), ev(t(30, 8), B), ev(t(32, 8), D)];
  const H = 3_600_000;

  it('a window larger than the whole story gives level 4', () => {
    expect(level(rows, { window: 1e15, steps: 4 })).toBe(4);
  });
  it('a 2-day window ends on 31 Jan 10:00: 1009 and 1007 fit, 1010 does not → 3', () => {
    expect(level(rows, { window: 48 * H, steps: 4 })).toBe(3);
  });
  it('the boundary is included: 1007 is exactly 47 h after 1003', () => {
    // 29 Jan 10:00 → 31 Jan 09:00 = 2 days − 1 hour = 47 h.
    expect(level(rows, { window: 47 * H, steps: 4 })).toBe(3);
    expect(level(rows, { window: 47 * H - 1, steps: 4 })).toBe(2);
  });
});

describe('default mode', () => {
  const three = { window: 100, steps: 3 };

  it('lets other events come between steps', () => {
    expect(level([ev(0, A), ev(1, OTHER), ev(2, B), ev(3, C)], three)).toBe(3);
  });
  it('ignores later steps without step 1, and step 1 alone is level 1', () => {
    expect(level([ev(0, B), ev(1, C)], three)).toBe(0);
    expect(level([ev(0, A)], three)).toBe(1);
  });
  it('a later step 1 starts a new chain; the result is the best chain', () => {
    // Chain from 0 reaches B at 5; C at 160 is past 0 + 100. Chain from 100: B 150, C 160 ≤ 200.
    const m = windowFunnel([ev(0, A), ev(5, B), ev(100, A), ev(150, B), ev(160, C)], three);
    expect(m).toEqual({ level: 3, times: [100, 150, 160] });
  });
  it('keeps an older, deeper chain when newer ones fall short', () => {
    // Window 10, 4 steps. Chain 0: A0 B1 C2 (level 3). Chain 20: A20 B21 (level 2).
    // D at 25 would need step 3 of a chain started at ≥ 15: none → level 3, times of chain 0.
    const m = windowFunnel([ev(0, A), ev(1, B), ev(2, C), ev(20, A), ev(21, B), ev(25, D)], { window: 10, steps: 4 });
    expect(m).toEqual({ level: 3, times: [0, 1, 2] });
  });
  it('uses the latest step 1 for the next step (more window left)', () => {
    // A0, A5, B12 with window 10: 12 > 0 + 10 but ≤ 5 + 10 → level 2 from the start at 5.
    expect(windowFunnel([ev(0, A), ev(5, A), ev(12, B)], { window: 10, steps: 2 })).toEqual({ level: 2, times: [5, 12] });
  });
  it('orders equal timestamps by step index', () => {
    expect(level([ev(7, B), ev(7, A)], three)).toBe(2);
  });
  it('one event matching two steps counts once per chain', () => {
    // An event matching A and B alone is one event: it starts a chain but cannot also be its step 2.
    expect(level([ev(0, A | B)], three)).toBe(1);
    expect(level([ev(0, A | B | C)], three)).toBe(1);
    // After a real A at 0, an A|B event at 1 is step 2 of that chain (and also a new start).
    expect(windowFunnel([ev(0, A), ev(1, A | B), ev(2, C)], three)).toEqual({ level: 3, times: [0, 1, 2] });
  });
});

describe('modes', () => {
  it('strict_order stops at an event that is not a step', () => {
    const events = [ev(0, A), ev(1, B), ev(2, OTHER), ev(3, C)];
    expect(level(events, { window: 10, steps: 3 })).toBe(3);
    expect(level(events, { window: 10, steps: 3, modes: ['strict_order'] })).toBe(2);
  });
  it('strict_order stops at a step whose previous step was never reached', () => {
    // A, C, B: default ignores the early C and reaches B (level 2); strict_order stops at C.
    const events = [ev(0, A), ev(1, C), ev(2, B)];
    expect(level(events, { window: 10, steps: 3 })).toBe(2);
    expect(level(events, { window: 10, steps: 3, modes: ['strict_order'] })).toBe(1);
  });
  it('strict_order ignores other events before the first step 1', () => {
    expect(level([ev(0, OTHER), ev(1, A), ev(2, B), ev(3, C)], { window: 10, steps: 3, modes: ['strict_order'] })).toBe(3);
  });
  it('strict_increase needs strictly later steps', () => {
    // B at the same ms as A cannot be step 2; C then has no step 2 to follow → 1.
    const events = [ev(0, A), ev(0, B), ev(1, C)];
    expect(level(events, { window: 10, steps: 3 })).toBe(3);
    expect(level(events, { window: 10, steps: 3, modes: ['strict_increase'] })).toBe(1);
  });
  it('strict_deduplication stops at a repeated step', () => {
    const events = [ev(0, A), ev(1, B), ev(2, B), ev(3, C)];
    expect(level(events, { window: 10, steps: 3 })).toBe(3);
    expect(level(events, { window: 10, steps: 3, modes: ['strict_deduplication'] })).toBe(2);
  });
  it('strict_deduplication lets step 1 repeat (it starts a new chain)', () => {
    expect(level([ev(0, A), ev(1, A), ev(2, B), ev(3, C)], { window: 10, steps: 3, modes: ['strict_deduplication'] })).toBe(3);
  });
});

describe('exclusions', () => {
  const X = 1; // exclusion bit 0
  const gap12 = { window: 10, steps: 3, exclusions: [{ from: 1, to: 2 }] };

  it('an exclusion between step 1 and 2 breaks that chain at level 1', () => {
    expect(level([ev(0, A), ev(1, 0, X), ev(2, B), ev(3, C)], gap12)).toBe(1);
  });
  it('an exclusion after step 2 does not touch a 1→2 exclusion', () => {
    expect(level([ev(0, A), ev(1, B), ev(2, 0, X), ev(3, C)], gap12)).toBe(3);
  });
  it('an exclusion over steps 1→3 breaks a chain waiting at step 2', () => {
    expect(level([ev(0, A), ev(1, B), ev(2, 0, X), ev(3, C)], { ...gap12, exclusions: [{ from: 1, to: 3 }] })).toBe(2);
  });
  it('a new step 1 after the exclusion starts a clean chain', () => {
    expect(windowFunnel([ev(0, A), ev(1, 0, X), ev(2, A), ev(3, B), ev(4, C)], gap12)).toEqual({ level: 3, times: [2, 3, 4] });
  });
  it('an exclusion at the same ms as step 1 or step 2 is not between them', () => {
    expect(level([ev(5, A), ev(5, 0, X), ev(6, B)], gap12)).toBe(2);
    expect(level([ev(5, A), ev(6, 0, X), ev(6, B)], gap12)).toBe(2);
  });
});

describe('arrival order', () => {
  it('the result does not depend on the order events are given in', () => {
    const eventArb = fc.record({
      ts: fc.integer({ min: 0, max: 30 }),
      steps: fc.integer({ min: 0, max: 15 }),
      exclusions: fc.integer({ min: 0, max: 1 }),
    });
    const modesArb = fc.subarray(['strict_order', 'strict_increase', 'strict_deduplication'] as const);
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 14 }), modesArb, fc.integer({ min: 0, max: 20 }), (events, modes, window) => {
        const options = { window, steps: 4, modes, exclusions: [{ from: 2, to: 4 }] };
        const forward = windowFunnel(events, options);
        expect(windowFunnel([...events].reverse(), options)).toEqual(forward);
        expect(forward.times.length).toBe(forward.level);
        // Reached steps lie inside the window and never go back in time.
        if (forward.level > 0) expect(forward.times[forward.level - 1] - forward.times[0]).toBeLessThanOrEqual(window);
        forward.times.forEach((t, i) => i > 0 && expect(t).toBeGreaterThanOrEqual(forward.times[i - 1]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad options', () => {
  it('names the bad option', () => {
    expect(() => windowFunnel([], { window: 10, steps: 0 })).toThrow('/steps: got 0; expected an integer from 1 to 31');
    expect(() => windowFunnel([], { window: -1, steps: 2 })).toThrow('/window');
    expect(() => windowFunnel([], { window: 1, steps: 2, exclusions: [{ from: 2, to: 2 }] })).toThrow('/exclusions/0');
    expect(() => windowFunnel([], { window: 1, steps: 2, modes: ['strict' as never] })).toThrow('/modes/0');
  });
});

describe('summarizeFunnel', () => {
  it('counts people per step, conversion, drop-off and median times', () => {
    // Four people, three steps:
    //   p1 level 3, times 0, 10, 40     p2 level 3, times 0, 20, 30
    //   p3 level 2, times 0, 60         p4 level 1, times 0          (p5 level 0)
    // Step 1: 4 people. Step 2: 3 (75 % of step 1, drop-off 1); gaps 10, 20, 60 → median 20.
    // Step 3: 2 (50 % of step 1, 2/3 of step 2, drop-off 1); gaps 30, 10 → median 20;
    //   from step 1: 40, 30 → median 35.
    const rows = summarizeFunnel(
      [
        { level: 3, times: [0, 10, 40] },
        { level: 3, times: [0, 20, 30] },
        { level: 2, times: [0, 60] },
        { level: 1, times: [0] },
        { level: 0, times: [] },
      ],
      3,
    );
    expect(rows).toEqual([
      { step: 1, users: 4, conversionFromFirst: 1, conversionFromPrevious: 1, dropOff: 0, medianFromPreviousMs: 0, medianFromFirstMs: 0 },
      { step: 2, users: 3, conversionFromFirst: 0.75, conversionFromPrevious: 0.75, dropOff: 1, medianFromPreviousMs: 20, medianFromFirstMs: 20 },
      { step: 3, users: 2, conversionFromFirst: 0.5, conversionFromPrevious: 2 / 3, dropOff: 1, medianFromPreviousMs: 20, medianFromFirstMs: 35 },
    ]);
  });
  it('gives null rates and medians for an empty funnel', () => {
    expect(summarizeFunnel([], 2)[1]).toEqual({ step: 2, users: 0, conversionFromFirst: null, conversionFromPrevious: null, dropOff: 0, medianFromPreviousMs: null, medianFromFirstMs: null });
  });
});
