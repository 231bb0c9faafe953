/**
 * Sustained load on a real collector: the collector runs in its own process (bench/servers/
 * collector-server.ts) on a fresh SQLite file; this process keeps `concurrency` keep-alive
 * connections busy with batches for `seconds`, then checks that every event sent was
 * acknowledged and stored exactly once. Figures (throughput, latency) leave out the first
 * `warmupSeconds`, while caches, the WAL and the JIT settle.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './lib/spawn-server.js';
import { makeWireEvents } from './lib/wire-events.js';

/** Options of loadTest. */
export interface LoadTestOptions {
  /** How long to send, in seconds (default 60). */
  seconds?: number;
  /** Seconds at the start left out of the figures (default 10, at most half the run). */
  warmupSeconds?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Events per batch (default 20, about what the SDK sends). */
  batchSize?: number;
}

/** What a load test measured. */
export interface LoadTestResult {
  seconds: number;
  concurrency: number;
  batchSize: number;
  /** Events sent, acknowledged as accepted, and found in the database afterwards: all equal. */
  received: number;
  acknowledged: number;
  stored: number;
  /** Steady state only (after the warm-up). */
  eventsPerSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  /** Peak resident memory of the collector process (VmHWM), MiB. */
  peakRssMiB: number;
}

interface Sample { startedAt: number; ms: number; events: number }

/** Runs the load test; throws when any count differs or any request fails. */
export async function loadTest({ seconds = 60, warmupSeconds = Math.min(10, seconds / 2), concurrency = 8, batchSize = 20 }: LoadTestOptions = {}): Promise<LoadTestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-load-'));
  const dbPath = join(dir, 'load.db');
  const server = await spawnServer('collector-server.ts', [dbPath]);
  let peakRssMiB = NaN;
  try {
    const counts = { received: 0, acknowledged: 0 };
    const samples = await drive(server.url, seconds, concurrency, batchSize, counts);
    peakRssMiB = server.peakRssMiB();
    await server.stop();
    const stored = countStored(dbPath);
    if (counts.received !== counts.acknowledged || counts.acknowledged !== stored) {
      throw new Error(`load test counts differ: received ${counts.received}, acknowledged ${counts.acknowledged}, stored ${stored}`);
    }
    return { seconds, concurrency, batchSize, ...counts, stored, ...steadyFigures(samples, warmupSeconds * 1000), peakRssMiB };
  } finally {
    if (server.child.exitCode === null) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keeps `concurrency` requests in flight until the time is up; each batch has fresh ids. */
async function drive(url: string, seconds: number, concurrency: number, batchSize: number, counts: { received: number; acknowledged: number }): Promise<Sample[]> {
  const samples: Sample[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const batch = makeWireEvents(batchSize, ++next);
      const started = performance.now();
      const res = await fetch(`${url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ site: 'bench', sentAt: Date.now(), batch }) });
      const body = (await res.json()) as { accepted?: number };
      counts.received += batchSize;
      if (res.status !== 200) throw new Error(`batch ${next} answered ${res.status}: ${JSON.stringify(body)}`);
      counts.acknowledged += body.accepted ?? 0;
      samples.push({ startedAt: started - t0, ms: performance.now() - started, events: batchSize });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return samples;
}

/** Throughput and latency percentiles of the requests started after the warm-up. */
function steadyFigures(samples: Sample[], warmupMs: number): Pick<LoadTestResult, 'eventsPerSecond' | 'p50ms' | 'p95ms' | 'p99ms'> {
  const steady = samples.filter((s) => s.startedAt >= warmupMs);
  if (steady.length === 0) throw new Error('no request started after the warm-up; run longer');
  const lastEnd = Math.max(...steady.map((s) => s.startedAt + s.ms));
  const events = steady.reduce((n, s) => n + s.events, 0);
  const ms = steady.map((s) => s.ms).sort((a, b) => a - b);
  // Nearest-rank percentile: the smallest latency with at least p of the requests at or below it.
  const q = (p: number) => ms[Math.max(0, Math.ceil(p * ms.length) - 1)];
  return { eventsPerSecond: events / ((lastEnd - warmupMs) / 1000), p50ms: q(0.5), p95ms: q(0.95), p99ms: q(0.99) };
}

function countStored(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM events WHERE site = 'bench'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
