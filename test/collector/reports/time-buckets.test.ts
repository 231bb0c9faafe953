import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, timeBuckets } from '../../../collector/src/storage/sqlite/analytics/timeseries/time-buckets.js';

const H = 3_600_000;

describe('timeBuckets', () => {
  it('gives the New York fall-back day 25 hours, with 01:00 twice', () => {
    // 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST. The day runs 04:00Z → 05:00Z next day.
    const day = timeBuckets(Date.parse('2026-11-01T04:00:00Z'), Date.parse('2026-11-02T05:00:00Z'), 'day', 'America/New_York');
    expect(day).toEqual([{ start: Date.parse('2026-11-01T04:00:00Z'), end: Date.parse('2026-11-02T05:00:00Z'), label: '2026-11-01T00:00:00-04:00' }]);
    const hours = timeBuckets(Date.parse('2026-11-01T04:00:00Z'), Date.parse('2026-11-02T05:00:00Z'), 'hour', 'America/New_York');
    expect(hours).toHaveLength(25);
    expect(hours.slice(1, 4).map((b) => b.label)).toEqual(['2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00', '2026-11-01T02:00:00-05:00']);
    hours.forEach((b) => expect(b.end - b.start).toBe(H));
  });

  it('cuts local hours at :30 UTC in India (UTC+5:30) and starts at the bucket holding "from"', () => {
    // 00:10 IST on Jan 15 = 18:40Z on Jan 14; its hour began at 00:00 IST = 18:30Z.
    const hours = timeBuckets(Date.parse('2026-01-14T18:40:00Z'), Date.parse('2026-01-14T20:30:00Z'), 'hour', 'Asia/Kolkata');
    expect(hours.map((b) => [new Date(b.start).toISOString(), b.label])).toEqual([
      ['2026-01-14T18:30:00.000Z', '2026-01-15T00:00:00+05:30'],
      ['2026-01-14T19:30:00.000Z', '2026-01-15T01:00:00+05:30'],
    ]);
  });

  it('starts weeks on Monday and months on the 1st in the zone', () => {
    // Sunday 2026-03-01 12:00 in Shanghai belongs to the week of Monday Feb 23.
    const weeks = timeBuckets(Date.parse('2026-03-01T04:00:00Z'), Date.parse('2026-03-02T04:00:00Z'), 'week', 'Asia/Shanghai');
    expect(weeks.map((b) => b.label)).toEqual(['2026-02-23T00:00:00+08:00', '2026-03-02T00:00:00+08:00']);
    // March in New York starts in EST and April in EDT: March is 31 · 24 − 1 = 743 hours.
    const months = timeBuckets(Date.parse('2026-03-01T05:00:00Z'), Date.parse('2026-04-01T04:00:00Z'), 'month', 'America/New_York');
    expect(months).toHaveLength(1);
    expect((months[0].end - months[0].start) / H).toBe(743);
  });

  it('refuses ranges needing more than the bucket limit, before cutting them', () => {
    const t0 = performance.now();
    expect(() => timeBuckets(0, (MAX_BUCKETS + 10) * H, 'hour', 'UTC')).toThrow(RangeError);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(timeBuckets(0, MAX_BUCKETS * H, 'hour', 'UTC')).toHaveLength(MAX_BUCKETS);
  });
});
