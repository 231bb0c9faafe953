import { describe, expect, it } from 'vitest';
import { evaluateRuleWith } from '../../../collector/src/alerts/evaluate-rule.js';
import { at, hourly, rule, seriesSource } from './helpers/series-source.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('threshold conditions', () => {
  // Hour 09:00–10:00 has exactly 100 sessions.
  const source = () => seriesSource({ counts: { sessions: hourly('2026-05-01T09:00:00Z', 1, () => 100) } });
  const slot = at('2026-05-01T10:00:00Z');

  it('exactly at the threshold does not breach a strict limit, and breaches an inclusive one', () => {
    const strict = rule({ condition: { type: 'threshold', op: 'above', value: 100, inclusive: false } });
    const inclusive = rule({ condition: { type: 'threshold', op: 'above', value: 100, inclusive: true } });
    expect(evaluateRuleWith(source(), strict, slot)).toMatchObject({ outcome: 'ok', value: 100 });
    expect(evaluateRuleWith(source(), inclusive, slot)).toMatchObject({ outcome: 'breach', value: 100 });
    const below = rule({ condition: { type: 'threshold', op: 'below', value: 100, inclusive: false } });
    expect(evaluateRuleWith(source(), below, slot).outcome).toBe('ok');
    expect(evaluateRuleWith(source(), { ...below, condition: { ...below.condition, inclusive: true } as never }, slot).outcome).toBe('breach');
  });

  it('a gap in the data counts as zero traffic', () => {
    // Hours 00–05 have 10 sessions each except hour 03, which has no data at all.
    const s = seriesSource({ counts: { sessions: hourly('2026-05-01T00:00:00Z', 6, (i) => (i === 3 ? undefined : 10)) } });
    const r = rule({ condition: { type: 'threshold', op: 'below', value: 1, inclusive: false } });
    const outcomes = [1, 2, 3, 4, 5, 6].map((h) => evaluateRuleWith(s, r, at('2026-05-01T00:00:00Z') + h * HOUR));
    // Slot 04:00 reads hour 03:00–04:00: 0 < 1 → breach; every other hour has 10.
    expect(outcomes.map((o) => o.outcome)).toEqual(['ok', 'ok', 'ok', 'breach', 'ok', 'ok']);
    expect(outcomes[3].value).toBe(0);
  });

  it('a ratio that is undefined leaves the slot skipped, not judged', () => {
    const s = seriesSource({ ratios: {} });
    const r = rule({ metric: 'conversion_rate', condition: { type: 'threshold', op: 'below', value: 0.01, inclusive: false } });
    expect(evaluateRuleWith(s, r, at('2026-05-01T10:00:00Z'))).toMatchObject({ outcome: 'skipped', reason: 'undetermined', value: null });
  });

  it('below the minimum volume the slot is skipped', () => {
    // 40 sessions, minVolume 50 → skipped even though 40 < 45 would breach.
    const s = seriesSource({ counts: { sessions: hourly('2026-05-01T09:00:00Z', 1, () => 40) } });
    const r = rule({ minVolume: { metric: 'sessions', min: 50 }, condition: { type: 'threshold', op: 'below', value: 45, inclusive: false } });
    expect(evaluateRuleWith(s, r, at('2026-05-01T10:00:00Z'))).toMatchObject({ outcome: 'skipped', reason: 'insufficient_volume', volume: 40 });
    // Exactly at the minimum (50) is enough volume: 50 < 45 is false → ok.
    const s50 = seriesSource({ counts: { sessions: hourly('2026-05-01T09:00:00Z', 1, () => 50) } });
    expect(evaluateRuleWith(s50, r, at('2026-05-01T10:00:00Z')).outcome).toBe('ok');
  });
});

describe('change conditions', () => {
  it('compares a 23-hour DST day with the same weekday last week (America/New_York)', () => {
    // 10 sessions every UTC hour from 2026-02-28 to 2026-03-10.
    const s = seriesSource({ counts: { sessions: hourly('2026-02-28T00:00:00Z', 10 * 24, () => 10) } });
    const r = rule({
      timezone: 'America/New_York', window: { unit: 'day', size: 1 }, schedule: { cron: '0 9 * * *' },
      condition: { type: 'change', compare: 'same_weekday_last_week', direction: 'down', mode: 'percent', amount: 4, inclusive: false },
    });
    // Sunday 2026-03-08 has 23 hours → 230; Sunday 2026-03-01 has 24 → 240.
    // Change = (230 − 240) / 240 × 100 = −4.1667 % → a drop of 4.17 > 4 → breach.
    const e = evaluateRuleWith(s, r, at('2026-03-09T13:00:00Z'));
    expect(e.value).toBe(230);
    expect(e.condition).toMatchObject({ reference: 240, breached: true });
    expect(e.condition!.score).toBeCloseTo(-4.1667, 4);
    // With amount 5 it holds: 4.17 < 5.
    const r5 = rule({ ...r, condition: { type: 'change', compare: 'same_weekday_last_week', direction: 'down', mode: 'percent', amount: 5, inclusive: false } });
    expect(evaluateRuleWith(s, r5, at('2026-03-09T13:00:00Z')).outcome).toBe('ok');
  });

  it('previous period in absolute terms, in Asia/Shanghai days', () => {
    // Local day 2026-05-01 = [04-30T16:00Z, 05-01T16:00Z): 5 per hour → 120.
    // Local day 2026-04-30 = [04-29T16:00Z, 04-30T16:00Z): 3 per hour → 72. Change +48.
    const s = seriesSource({ counts: { sessions: hourly('2026-04-29T16:00:00Z', 48, (i) => (i < 24 ? 3 : 5)) } });
    const mk = (amount: number, inclusive: boolean) => rule({
      timezone: 'Asia/Shanghai', window: { unit: 'day', size: 1 },
      condition: { type: 'change', compare: 'previous_period', direction: 'up', mode: 'absolute', amount, inclusive },
    });
    const slot = at('2026-05-02T01:00:00Z'); // 09:00 on May 2 in Shanghai
    expect(evaluateRuleWith(s, mk(48, false), slot).outcome).toBe('ok'); // exactly +48, strict
    expect(evaluateRuleWith(s, mk(48, true), slot).outcome).toBe('breach');
    expect(evaluateRuleWith(s, mk(47, false), slot).condition).toMatchObject({ value: 120, reference: 72, score: 48 });
  });

  it('a percent change from zero is undetermined', () => {
    const s = seriesSource({ counts: { sessions: hourly('2026-05-01T09:00:00Z', 1, () => 5) } });
    const r = rule({ condition: { type: 'change', compare: 'previous_period', direction: 'either', mode: 'percent', amount: 10, inclusive: false } });
    expect(evaluateRuleWith(s, r, at('2026-05-01T10:00:00Z'))).toMatchObject({ outcome: 'skipped', reason: 'undetermined' });
  });
});

describe('anomaly conditions', () => {
  // Daily windows (UTC). Past four Fridays: 100, 110, 90, 100 (most recent first).
  // Mean 100; sample sd = √((0² + 10² + 10² + 0²) / 3) = √66.67 = 8.165.
  // Median 100; |deviations| 0, 10, 10, 0 → MAD = 5.
  const slot = at('2026-05-02T06:00:00Z'); // reads Friday 2026-05-01
  const history = [100, 110, 90, 100];
  const sourceWith = (today: number) => {
    const m = new Map<number, number>([[at('2026-05-01T00:00:00Z'), today]]);
    history.forEach((v, i) => m.set(at('2026-05-01T00:00:00Z') - (i + 1) * 7 * DAY, v));
    return seriesSource({ counts: { sessions: m } });
  };
  const zRule = rule({ window: { unit: 'day', size: 1 }, condition: { type: 'anomaly', method: 'zscore', weeks: 4, k: 3, direction: 'up', minHistory: 3 } });

  it('z-score: 125 is (125 − 100) / 8.165 = 3.06 > 3; 124 is 2.94', () => {
    const hi = evaluateRuleWith(sourceWith(125), zRule, slot);
    expect(hi.outcome).toBe('breach');
    expect(hi.condition!.score).toBeCloseTo(25 / Math.sqrt(200 / 3), 6);
    expect(hi.condition!.history).toEqual([100, 110, 90, 100]);
    expect(evaluateRuleWith(sourceWith(124), zRule, slot).outcome).toBe('ok');
    // direction up: a drop as unusual does not breach.
    expect(evaluateRuleWith(sourceWith(75), zRule, slot).outcome).toBe('ok');
  });

  it('MAD: the robust score 0.6745 × (x − 100) / 5 passes 3 from x = 123 (3.10), not at 122 (2.97)', () => {
    const madRule = rule({ ...zRule, condition: { type: 'anomaly', method: 'mad', weeks: 4, k: 3, direction: 'either', minHistory: 3 } });
    expect(evaluateRuleWith(sourceWith(123), madRule, slot).condition!.score).toBeCloseTo((0.6745 * 23) / 5, 6);
    expect(evaluateRuleWith(sourceWith(123), madRule, slot).outcome).toBe('breach');
    expect(evaluateRuleWith(sourceWith(122), madRule, slot).outcome).toBe('ok');
    expect(evaluateRuleWith(sourceWith(77), madRule, slot).outcome).toBe('breach'); // −3.10, either way
  });

  it('too short a history is undetermined', () => {
    // Ratios: only two past weeks known, minHistory 3.
    const m = new Map<number, number>([[at('2026-05-01T00:00:00Z'), 0.9], [at('2026-04-24T00:00:00Z'), 0.4], [at('2026-04-17T00:00:00Z'), 0.4]]);
    const r = rule({ metric: 'bounce_rate', window: { unit: 'day', size: 1 }, condition: { type: 'anomaly', method: 'zscore', weeks: 4, k: 3, direction: 'up', minHistory: 3 } });
    expect(evaluateRuleWith(seriesSource({ ratios: { bounce_rate: m } }), r, slot)).toMatchObject({ outcome: 'skipped', reason: 'undetermined' });
  });
});

describe('presets and composites', () => {
  it('bounce_rate_spike: bounce rate anomalously high against the same weekday', () => {
    // Past 4 Fridays 0.40, 0.42, 0.38, 0.40 → mean 0.40, sd √((0 + .0004 + .0004 + 0) / 3) = 0.011547.
    // 0.45 → z = 0.05 / 0.011547 = 4.33 > 3 → breach; 0.43 → 2.60 → ok.
    const m = (today: number) => new Map<number, number>([
      [at('2026-05-01T00:00:00Z'), today], [at('2026-04-24T00:00:00Z'), 0.4], [at('2026-04-17T00:00:00Z'), 0.42],
      [at('2026-04-10T00:00:00Z'), 0.38], [at('2026-04-03T00:00:00Z'), 0.4],
    ]);
    const r = rule({ metric: 'sessions', window: { unit: 'day', size: 1 }, condition: { type: 'preset', preset: 'bounce_rate_spike', k: 3, weeks: 4, method: 'zscore' } });
    const slot = at('2026-05-02T06:00:00Z');
    const hi = evaluateRuleWith(seriesSource({ ratios: { bounce_rate: m(0.45) }, counts: { sessions: new Map() } }), r, slot);
    expect(hi.outcome).toBe('breach');
    expect(hi.condition).toMatchObject({ type: 'anomaly', metric: 'bounce_rate' });
    expect(hi.condition!.score).toBeCloseTo(0.05 / Math.sqrt(0.0008 / 3), 6);
    expect(evaluateRuleWith(seriesSource({ ratios: { bounce_rate: m(0.43) }, counts: { sessions: new Map() } }), r, slot).outcome).toBe('ok');
  });

  it('channel_sessions_zero: zero sessions where the baseline median is at least minBaseline', () => {
    // Hour 09–10 on four past Fridays: 12, 0, 15, 11 → median (11 + 12) / 2 = 11.5 ≥ 10.
    const slot = at('2026-05-01T10:00:00Z');
    const past = new Map<number, number>([[slot - HOUR - 7 * DAY, 12], [slot - HOUR - 14 * DAY, 0], [slot - HOUR - 21 * DAY, 15], [slot - HOUR - 28 * DAY, 11]]);
    const r = rule({ filters: { channel: 'Paid Search' }, condition: { type: 'preset', preset: 'channel_sessions_zero', weeks: 4, minBaseline: 10 } });
    const zero = evaluateRuleWith(seriesSource({ counts: { sessions: past } }), r, slot);
    expect(zero.outcome).toBe('breach');
    expect(zero.condition!.children![1]).toMatchObject({ reference: 11.5, breached: true });
    // One session this hour → no breach. A baseline of 12, 0, 7, 11 → sorted 0, 7, 11, 12 → median (7 + 11) / 2 = 9 < 10 → no breach.
    const one = new Map(past).set(slot - HOUR, 1);
    expect(evaluateRuleWith(seriesSource({ counts: { sessions: one } }), r, slot).outcome).toBe('ok');
    const quiet = new Map(past).set(slot - HOUR - 21 * DAY, 7);
    expect(evaluateRuleWith(seriesSource({ counts: { sessions: quiet } }), r, slot).outcome).toBe('ok');
  });

  it('nested AND/OR with three-valued logic', () => {
    // sessions 50 (hour 09–10), conversion_rate undefined.
    const s = () => seriesSource({ counts: { sessions: hourly('2026-05-01T09:00:00Z', 1, () => 50) }, ratios: {} });
    const slot = at('2026-05-01T10:00:00Z');
    const low = { type: 'threshold', op: 'below', value: 60, inclusive: false } as const; // true
    const high = { type: 'threshold', op: 'above', value: 60, inclusive: false } as const; // false
    const cr = { type: 'threshold', metric: 'conversion_rate', op: 'below', value: 0.1, inclusive: false } as const; // null
    const ev = (condition: never) => evaluateRuleWith(s(), rule({ condition }), slot).outcome;
    // all(true, any(false, true)) → breach
    expect(ev({ type: 'all', conditions: [low, { type: 'any', conditions: [high, low] }] } as never)).toBe('breach');
    // all(true, false) → ok, even with an unknown: false decides AND
    expect(ev({ type: 'all', conditions: [low, high, cr] } as never)).toBe('ok');
    // all(true, null) → undetermined
    expect(ev({ type: 'all', conditions: [low, cr] } as never)).toBe('skipped');
    // any(null, true) → breach; any(false, null) → undetermined
    expect(ev({ type: 'any', conditions: [cr, low] } as never)).toBe('breach');
    expect(ev({ type: 'any', conditions: [high, cr] } as never)).toBe('skipped');
  });
});
