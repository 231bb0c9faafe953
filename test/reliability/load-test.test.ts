/**
 * A short run of the load test (bench/load-test.ts): a real collector process under sustained
 * concurrent load for a few seconds. Every event sent is acknowledged and stored exactly once;
 * loadTest throws otherwise. The full 60-second run is `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { loadTest } from '../../bench/load-test.js';

describe('load test', () => {
  it('stores exactly what it acknowledged under 4 s of load with 4 connections', async () => {
    const r = await loadTest({ seconds: 4, warmupSeconds: 1, concurrency: 4, batchSize: 10 });
    expect(r.received).toBeGreaterThan(0);
    expect(r.received % 10).toBe(0);
    expect(r.acknowledged).toBe(r.received);
    expect(r.stored).toBe(r.received);
    expect(r.p50ms).toBeLessThanOrEqual(r.p95ms);
    expect(r.p95ms).toBeLessThanOrEqual(r.p99ms);
    expect(r.eventsPerSecond).toBeGreaterThan(0);
    expect(r.peakRssMiB).toBeGreaterThan(10);
  }, 60_000);
});
