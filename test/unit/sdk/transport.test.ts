import { describe, expect, it } from 'vitest';
import { byteLength, fitBatch, MAX_REQUEST_BYTES } from '../../../sdk/src/transport/batch.js';
import { backoff, retryAfterMs } from '../../../sdk/src/transport/backoff.js';
import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';

describe('byteLength', () => {
  it('counts UTF-8 bytes', () => {
    expect(byteLength('abc')).toBe(3);
    expect(byteLength('é')).toBe(2); // U+00E9
    expect(byteLength('埋点')).toBe(6); // 2 × 3 bytes
    expect(byteLength('😀')).toBe(4); // U+1F600: 4 bytes
  });
});

describe('fitBatch', () => {
  const body = (batch: WireEvent[]) => JSON.stringify({ site: 'demo', sentAt: 1_700_000_000_000, batch });

  it('halves the head of the queue until the request is under 64 KB, in order, without losing events', () => {
    // 300 events of 500 × "é" (1000 bytes) plus {"id":"eN","props":{"note":""}} (31–33 bytes)
    const events = Array.from({ length: 300 }, (_, i) => ({ id: `e${i}`, props: { note: 'é'.repeat(500) } }) as unknown as WireEvent);
    // 300 → 150 → 75 events: 75 × 1031 = 77 325 bytes ≥ 65 536; 37 × 1033 + 60 = 38 281 < 65 536
    expect(fitBatch(events, body)).toHaveLength(37);
    const batches: WireEvent[][] = [];
    for (let rest = events; rest.length; ) {
      const b = fitBatch(rest, body);
      batches.push(b);
      rest = rest.slice(b.length);
    }
    for (const b of batches) expect(Buffer.byteLength(body(b))).toBeLessThan(MAX_REQUEST_BYTES);
    expect(batches.flat().map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
  it('caps a request at 500 events', () => {
    const tiny = Array.from({ length: 1200 }, (_, i) => ({ id: `${i}` }) as WireEvent);
    expect(fitBatch(tiny, body)).toHaveLength(500);
  });
  it('takes one event even when it alone is too large, so the queue moves', () => {
    const huge = [{ id: 'big', props: { note: 'x'.repeat(70_000) } }, { id: 'next' }] as unknown as WireEvent[];
    expect(fitBatch(huge, body).map((e) => e.id)).toEqual(['big']);
  });
});

describe('backoff', () => {
  it('doubles from 1 s with jitter in [50%, 100%) and caps at 60 s', () => {
    expect(backoff(0, 0)).toBe(500); // 1000 × 0.5
    expect(backoff(0, 0.999)).toBeCloseTo(999.5); // 1000 × (0.5 + 0.4995)
    expect(backoff(3, 0)).toBe(4000); // 8000 × 0.5
    expect(backoff(10, 0)).toBe(30000); // min(60000, 1024000) × 0.5
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sat, 01 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
    // in the past: an hour ago, so no wait beyond the backoff
    expect(retryAfterMs('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(-3_600_000);
    expect(retryAfterMs('soon', now)).toBe(0); // unreadable: the backoff alone decides
    expect(retryAfterMs(null, now)).toBe(0);
  });
});
