import { describe, expect, it } from 'vitest';
import { resolveWindow } from '../../../collector/src/alerts/alert-windows.js';
import { at } from './helpers/series-source.js';

const iso = (w: { start: number; end: number }) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()];

describe('alert windows', () => {
  it('an hourly window is the last complete hour before the slot; the running hour is never read', () => {
    // Slot 10:17Z → the last complete hour is [09:00, 10:00).
    expect(iso(resolveWindow({ unit: 'hour', size: 1 }, at('2026-05-01T10:17:00Z'), 'UTC', { kind: 'current' })))
      .toEqual(['2026-05-01T09:00:00.000Z', '2026-05-01T10:00:00.000Z']);
    // Previous period: the hour before that.
    expect(iso(resolveWindow({ unit: 'hour', size: 1 }, at('2026-05-01T10:17:00Z'), 'UTC', { kind: 'previous' })))
      .toEqual(['2026-05-01T08:00:00.000Z', '2026-05-01T09:00:00.000Z']);
  });

  it('Asia/Shanghai days start at 16:00 UTC the day before', () => {
    // Slot 2026-05-02 09:00 +08 = 01:00Z; yesterday (May 1) local = [Apr 30 16:00Z, May 1 16:00Z).
    const w = resolveWindow({ unit: 'day', size: 1 }, at('2026-05-02T01:00:00Z'), 'Asia/Shanghai', { kind: 'current' });
    expect(iso(w)).toEqual(['2026-04-30T16:00:00.000Z', '2026-05-01T16:00:00.000Z']);
  });

  it('America/New_York: the spring-forward day has 23 hours, the fall-back day 25', () => {
    // 2026-03-08: EST (−5) until 02:00 local, then EDT (−4). Slot 2026-03-09 09:00 EDT = 13:00Z.
    const spring = resolveWindow({ unit: 'day', size: 1 }, at('2026-03-09T13:00:00Z'), 'America/New_York', { kind: 'current' });
    // [00:00 EST = 05:00Z, next 00:00 EDT = 04:00Z): 23 hours.
    expect(iso(spring)).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    // 2026-11-01: EDT until 02:00 local, then EST. [04:00Z, 05:00Z next day): 25 hours.
    const fall = resolveWindow({ unit: 'day', size: 1 }, at('2026-11-02T14:00:00Z'), 'America/New_York', { kind: 'current' });
    expect(iso(fall)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
  });

  it('same weekday last week keeps the local time across a DST change', () => {
    // Hour window at slot 2026-03-09 10:00 EDT (14:00Z): current [13:00Z, 14:00Z) = 09:00–10:00 EDT.
    // A week earlier, 2026-03-02 09:00–10:00 EST = [14:00Z, 15:00Z).
    const w = resolveWindow({ unit: 'hour', size: 1 }, at('2026-03-09T14:00:00Z'), 'America/New_York', { kind: 'weeks_ago', weeks: 1 });
    expect(iso(w)).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-02T15:00:00.000Z']);
    // Day window: 2026-03-08 (23 h) a week earlier is 2026-03-01, a whole 24-hour EST day.
    const d = resolveWindow({ unit: 'day', size: 1 }, at('2026-03-09T13:00:00Z'), 'America/New_York', { kind: 'weeks_ago', weeks: 1 });
    expect(iso(d)).toEqual(['2026-03-01T05:00:00.000Z', '2026-03-02T05:00:00.000Z']);
  });

  it('a week window ends on the Monday of the slot’s ISO week', () => {
    // 2026-05-06 is a Wednesday; the last complete week is Mon 2026-04-27 to Mon 2026-05-04 (UTC).
    const w = resolveWindow({ unit: 'week', size: 1 }, at('2026-05-06T12:00:00Z'), 'UTC', { kind: 'current' });
    expect(iso(w)).toEqual(['2026-04-27T00:00:00.000Z', '2026-05-04T00:00:00.000Z']);
  });

  it('hours of a +05:30 zone start at :00 local time', () => {
    // Asia/Kolkata slot 10:00 IST = 04:30Z → last hour 09:00–10:00 IST = [03:30Z, 04:30Z).
    const w = resolveWindow({ unit: 'hour', size: 1 }, at('2026-05-01T04:30:00Z'), 'Asia/Kolkata', { kind: 'current' });
    expect(iso(w)).toEqual(['2026-05-01T03:30:00.000Z', '2026-05-01T04:30:00.000Z']);
  });
});
