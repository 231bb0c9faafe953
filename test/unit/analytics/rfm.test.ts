import { describe, expect, it } from 'vitest';
import { quintileScores } from '../../../collector/src/analytics/rfm/quintile-scores.js';
import { scoreRfm } from '../../../collector/src/analytics/rfm/rfm-scores.js';
import { fmScore, rfmSegment, RFM_SEGMENT_RULES } from '../../../collector/src/analytics/rfm/rfm-segments.js';

const DAY = 86_400_000;

describe('quintileScores', () => {
  it('scores 1 + floor(5 (r − 1) / n), ties taking the lowest rank', () => {
    // n = 10, ascending ranks 1, 2, 2 (tie), 4, 5, 6, 7, 8, 9, 10:
    // r=1 → 1; r=2 → 1 + ⌊0.5⌋ = 1; r=4 → 1 + ⌊1.5⌋ = 2; r=5 → 1 + 2 = 3; r=6 → 1 + ⌊2.5⌋ = 3;
    // r=7 → 1 + 3 = 4; r=8 → 1 + ⌊3.5⌋ = 4; r=9 → 1 + 4 = 5; r=10 → 1 + ⌊4.5⌋ = 5.
    const values = [10, 20, 20, 30, 40, 50, 60, 70, 80, 90];
    expect(quintileScores(values, 'higher_is_better')).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('returns scores in input order', () => {
    expect(quintileScores([90, 10, 50, 30, 70], 'higher_is_better')).toEqual([5, 1, 3, 2, 4]);
  });
  it('lower is better: recency 0 days is best', () => {
    // Worst to best: 30 (rank 1), 5 and 5 (rank 2), 0 (rank 4); n = 4.
    // 30 → 1; 5 → 1 + ⌊5/4⌋ = 2; 0 → 1 + ⌊15/4⌋ = 4.
    expect(quintileScores([0, 5, 5, 30], 'lower_is_better')).toEqual([4, 2, 2, 1]);
  });
  it('all equal values share score 1; an empty list gives no scores', () => {
    expect(quintileScores([3, 3, 3], 'higher_is_better')).toEqual([1, 1, 1]);
    expect(quintileScores([], 'higher_is_better')).toEqual([]);
  });
  it('rejects a NaN with its position', () => {
    expect(() => quintileScores([1, Number.NaN], 'higher_is_better')).toThrow('/1: got NaN');
  });
});

describe('RFM segments', () => {
  it('cover every (R, F, M) combination', () => {
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) {
      expect(() => rfmSegment(r, f, m)).not.toThrow();
    }
  });
  it('follow the table', () => {
    expect(fmScore(4, 5)).toBe(5); // ⌈9/2⌉
    expect(fmScore(2, 3)).toBe(3); // ⌈5/2⌉
    expect(rfmSegment(5, 5, 4).id).toBe('champions'); // R 5, FM ⌈4.5⌉ = 5
    expect(rfmSegment(3, 4, 4).id).toBe('loyal'); // R 3, FM 4
    expect(rfmSegment(5, 1, 1).id).toBe('new'); // R 5, FM 1
    expect(rfmSegment(4, 1, 2).id).toBe('potential_loyalist'); // FM ⌈1.5⌉ = 2
    expect(rfmSegment(1, 5, 5).id).toBe('cant_lose');
    expect(rfmSegment(2, 3, 3).id).toBe('at_risk');
    expect(rfmSegment(2, 1, 1).id).toBe('hibernating');
    expect(rfmSegment(1, 1, 2).id).toBe('lost'); // FM ⌈1.5⌉ = 2
  });
  it('every segment has both names and is reachable', () => {
    const reached = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) reached.add(rfmSegment(r, f, m).id);
    for (const rule of RFM_SEGMENT_RULES) {
      expect(rule.name.en.length).toBeGreaterThan(0);
      expect(rule.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reached.has(rule.id), rule.id).toBe(true);
    }
  });
});

describe('scoreRfm', () => {
  it('scores five customers by hand', () => {
    const asOf = 100 * DAY + 12 * 3_600_000;
    // Recency days: a 0, b 3 (99.5 → 3.5 d → 3), c 10, d 40, e 40.
    // R (lower better; worst→best d,e (rank 1), c (3), b (4), a (5); n 5): d,e 1; c 1+⌊10/5⌋=3; b 4; a 5.
    // F: 1,1,2,5,9 for a..e → ranks a,b 1; c 3; d 4; e 5 → a,b 1; c 3; d 4; e 5.
    // M: 50, 20, 300, 900, 400 → ranks b 1, a 2, c 3, e 4, d 5 → b 1, a 2, c 3, e 4, d 5.
    const customers = [
      { id: 'a', lastConversionTs: 100 * DAY, frequency: 1, monetary: 50 },
      { id: 'b', lastConversionTs: 97 * DAY, frequency: 1, monetary: 20 },
      { id: 'c', lastConversionTs: 90 * DAY, frequency: 2, monetary: 300 },
      { id: 'd', lastConversionTs: 60 * DAY, frequency: 5, monetary: 900 },
      { id: 'e', lastConversionTs: 60 * DAY, frequency: 9, monetary: 400 },
    ];
    const scored = scoreRfm(customers, asOf);
    expect(scored.map((s) => [s.id, s.recencyDays, s.r, s.f, s.m, s.segment])).toEqual([
      ['a', 0, 5, 1, 2, 'potential_loyalist'], // FM ⌈3/2⌉ = 2
      ['b', 3, 4, 1, 1, 'promising'], // R 4, FM 1
      ['c', 10, 3, 3, 3, 'loyal'], // R 3, FM 3
      ['d', 40, 1, 4, 5, 'cant_lose'], // R 1, FM ⌈9/2⌉ = 5
      ['e', 40, 1, 5, 4, 'cant_lose'],
    ]);
  });
  it('rejects a bad customer with a pointer', () => {
    expect(() => scoreRfm([{ id: 'x', lastConversionTs: 0, frequency: -1, monetary: 0 }], 0)).toThrow('/customers/0/frequency');
  });
});
