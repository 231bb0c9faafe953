/**
 * Client clock skew: every case is worked out by hand from the rule in event-time.ts
 * (ts = clientTs + (receivedAt − sentAt) when sentAt and ts can share one clock; future times
 * clamped to the receive time), with fixed numbers so the arithmetic can be checked on paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctEventTime } from '../../collector/src/ingest/enrich/event-time.js';
import { batch, pageView } from '../collector/helpers/events.js';
import { startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';

process.env.MAIDIAN_LOG_LEVEL ??= 'silent';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
// The server receives every batch at 2024-05-01T08:00:00Z.
const RECEIVED = Date.UTC(2024, 4, 1, 8, 0, 0);
const codes = (r: { flags: { code: string }[] }) => r.flags.map((f) => f.code);

describe('no sentAt', () => {
  it('keeps a past client time, flagged uncorrected_time', () => {
    const r = correctEventTime(RECEIVED - 2 * HOUR, null, RECEIVED, '/event');
    expect(r.ts).toBe(RECEIVED - 2 * HOUR);
    expect(r.flags).toEqual([expect.objectContaining({ path: '/event/ts', code: 'uncorrected_time' })]);
  });

  it('clamps a future client time to the receive time, with both flags', () => {
    // 3 hours ahead > 5 minutes tolerance: stored as RECEIVED.
    const r = correctEventTime(RECEIVED + 3 * HOUR, null, RECEIVED, '/event');
    expect(r.ts).toBe(RECEIVED);
    expect(codes(r)).toEqual(['uncorrected_time', 'future_time_clamped']);
  });

  it('keeps a time 4 minutes ahead (within the 5-minute tolerance), flagged only as uncorrected', () => {
    const r = correctEventTime(RECEIVED + 4 * MIN, null, RECEIVED, '/event');
    expect(r.ts).toBe(RECEIVED + 4 * MIN);
    expect(codes(r)).toEqual(['uncorrected_time']);
  });
});

describe('hours-off clocks are corrected and flagged', () => {
  it('a clock 8 hours behind (a phone left on UTC time as local time)', () => {
    // Client clock = server − 8 h. The event happened 90 s before sending.
    const sentAt = RECEIVED - 8 * HOUR;
    const r = correctEventTime(sentAt - 90_000, sentAt, RECEIVED, '/batch/0');
    // skew = RECEIVED − sentAt = +8 h; ts = (sentAt − 90 s) + 8 h = RECEIVED − 90 s.
    expect(r.ts).toBe(RECEIVED - 90_000);
    expect(r.flags).toEqual([expect.objectContaining({ path: '/batch/0/ts', code: 'clock_skew_corrected', message: expect.stringContaining('8 hours behind') })]);
  });

  it('a clock 3 hours ahead (negative skew)', () => {
    const sentAt = RECEIVED + 3 * HOUR;
    const r = correctEventTime(sentAt - 10 * MIN, sentAt, RECEIVED, '/batch/0');
    // skew = −3 h; ts = (sentAt − 10 min) − 3 h = RECEIVED − 10 min.
    expect(r.ts).toBe(RECEIVED - 10 * MIN);
    expect(r.flags).toEqual([expect.objectContaining({ code: 'clock_skew_corrected', message: expect.stringContaining('3 hours ahead') })]);
  });

  it('a skew of 2 seconds (transit time) is corrected without a flag', () => {
    const sentAt = RECEIVED - 2000;
    const r = correctEventTime(sentAt - 5000, sentAt, RECEIVED, '/batch/0');
    // ts = sentAt − 5 s + 2 s = RECEIVED − 5 s.
    expect(r).toEqual({ ts: RECEIVED - 5000, flags: [] });
  });
});

describe('absurd sentAt', () => {
  it('a clock years behind with a consistent sentAt (reset to 2000) is corrected, flagged', () => {
    const skew = RECEIVED - Date.UTC(2000, 0, 1);
    const sentAt = Date.UTC(2000, 0, 1);
    const r = correctEventTime(sentAt - MIN, sentAt, RECEIVED, '/batch/3');
    // The event is one minute older than its batch by the same wrong clock: ts = RECEIVED − 1 min.
    expect(r.ts).toBe(RECEIVED - MIN);
    expect(r.flags).toEqual([expect.objectContaining({ path: '/batch/3/ts', code: 'clock_skew_corrected', message: expect.stringContaining(`moved by ${skew} ms`) })]);
  });

  it('sentAt years in the future while the event time is right: sentAt ignored, client time kept', () => {
    // sentAt − ts = 10 years > 30 days: not one clock. Correcting would move the event 10 years back.
    const sentAt = RECEIVED + 10 * YEAR;
    const r = correctEventTime(RECEIVED - MIN, sentAt, RECEIVED, '/batch/0');
    expect(r.ts).toBe(RECEIVED - MIN);
    expect(codes(r)).toEqual(['sent_at_ignored']);
  });

  it('sentAt in seconds instead of milliseconds: ignored instead of throwing the event 54 years ahead', () => {
    const sentAt = Math.floor(RECEIVED / 1000);
    const r = correctEventTime(RECEIVED - 30_000, sentAt, RECEIVED, '/batch/0');
    // sentAt − ts ≈ −1.7e12 ms < −5 min: the event would have happened after it was sent.
    expect(r.ts).toBe(RECEIVED - 30_000);
    expect(codes(r)).toEqual(['sent_at_ignored']);
  });

  it('sentAt ignored and the client time in the future: clamped as well', () => {
    // sentAt = 0 (1970): sentAt − ts is hugely negative, so ignored; ts = RECEIVED + 1 day > tolerance.
    const r = correctEventTime(RECEIVED + DAY, 0, RECEIVED, '/batch/0');
    expect(r.ts).toBe(RECEIVED);
    expect(codes(r)).toEqual(['sent_at_ignored', 'future_time_clamped']);
  });

  it('an event that waited 29 days offline is still corrected (inside the 30-day queue limit)', () => {
    const sentAt = RECEIVED + 2 * HOUR;
    const r = correctEventTime(sentAt - 29 * DAY, sentAt, RECEIVED, '/batch/0');
    // skew = −2 h; ts = sentAt − 29 d − 2 h = RECEIVED − 29 d.
    expect(r.ts).toBe(RECEIVED - 29 * DAY);
    expect(codes(r)).toEqual(['clock_skew_corrected']);
  });
});

describe('through ingest', () => {
  let c: TestCollector;
  beforeAll(async () => { c = await startTestCollector(); });
  afterAll(async () => { await c.close(); });

  it('stores client_ts as sent, ts corrected, and answers the flags with the event', async () => {
    // Client clock 6 hours behind; event 20 s before send. ts = received_at − 20 s.
    const sentAt = Date.now() - 6 * HOUR;
    const skewed = pageView(sentAt - 20_000, '/skewed');
    // A sentAt ten years ahead in the same batch would also apply to this event, whose own time is
    // right: so a second batch carries it.
    const honest = pageView(Date.now() - 1000, '/honest');
    const a = await c.post('/v1/batch', batch([skewed], sentAt));
    const b = await c.post('/v1/batch', batch([honest], Date.now() + 10 * YEAR));
    expect(a.body.results[0].flags).toEqual([expect.objectContaining({ code: 'clock_skew_corrected' })]);
    expect(b.body.results[0].flags).toEqual([expect.objectContaining({ code: 'sent_at_ignored' })]);
    const [r1] = c.query<{ ts: number; client_ts: number; received_at: number }>('SELECT ts, client_ts, received_at FROM events WHERE id = @id', { id: skewed.id });
    expect(r1.client_ts).toBe(sentAt - 20_000);
    expect(r1.ts).toBe(r1.received_at - 20_000);
    const [r2] = c.query<{ ts: number; client_ts: number }>('SELECT ts, client_ts FROM events WHERE id = @id', { id: honest.id });
    expect(r2.ts).toBe(honest.ts);
  });
});
