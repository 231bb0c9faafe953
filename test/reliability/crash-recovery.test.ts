/**
 * Crash and shutdown under load, with the real `maidian-collector` process: what the collector
 * acknowledged survives a SIGKILL mid-stream and a SIGTERM mid-stream, and re-sending (what the
 * SDK does with unacknowledged batches, and sometimes with acknowledged ones whose answer it
 * lost) stores every event exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { driveStream, idsOf, makeBatches, sendBatch, type StreamBatch } from './helpers/batch-stream.js';
import { makeHome, spawnCollector, type CollectorHome } from './helpers/spawn-collector.js';

let home: CollectorHome | undefined;
afterEach(() => home?.remove());

/** Every stored event id with how many times it is stored. */
function storedCounts(h: CollectorHome): Map<string, number> {
  const rows = h.query<{ id: string; n: number }>("SELECT id, COUNT(*) AS n FROM events WHERE site = 'shop' GROUP BY id");
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Restarts on the same database, re-sends unacknowledged batches and some acknowledged ones. */
async function recover(h: CollectorHome, batches: StreamBatch[], outcomes: string[]) {
  const again = await spawnCollector(h);
  // Every 7th acknowledged batch is re-sent too, as an SDK whose answer was lost would.
  const todo = batches.flatMap((_, i) => (outcomes[i] !== 'acked' || i % 7 === 0 ? [i] : []));
  const retried: { i: number; outcome: string; statuses: string[] }[] = [];
  const worker = async () => {
    for (let i = todo.shift(); i !== undefined; i = todo.shift()) retried.push({ i, ...(await sendBatch(again.url, batches[i])) });
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);
  return retried;
}

function expectExactlyOnce(h: CollectorHome, batches: StreamBatch[]) {
  const counts = storedCounts(h);
  const sent = batches.flatMap((b) => b.ids);
  expect(counts.size).toBe(sent.length); // nothing else is stored
  expect(sent.filter((id) => counts.get(id) !== 1)).toEqual([]);
}

describe('crash and shutdown under load', () => {
  it('SIGKILL mid-stream loses nothing acknowledged; re-sending stores every event exactly once', async () => {
    home = makeHome();
    const batches = makeBatches(400, 10);
    const first = await spawnCollector(home);
    let killed = false;
    const outcomes = await driveStream(first.url, batches, 8, (acked) => {
      if (acked === 120 && !killed) { killed = true; first.child.kill('SIGKILL'); }
    });
    await first.exited;
    const acked = idsOf(batches, outcomes, 'acked');
    // The kill really happened mid-stream: some batches were acknowledged, some were not.
    expect(acked.length).toBeGreaterThanOrEqual(120 * 10);
    expect(outcomes.filter((o) => o !== 'acked').length).toBeGreaterThan(100);

    const afterCrash = storedCounts(home); // opening the file replays the WAL, as a restart would
    expect(acked.filter((id) => afterCrash.get(id) !== 1)).toEqual([]);

    const retried = await recover(home, batches, outcomes);
    for (const r of retried) {
      expect(r.outcome).toBe('acked');
      // A re-sent acknowledged batch is recognized as already stored, event by event.
      if (outcomes[r.i] === 'acked') expect(new Set(r.statuses)).toEqual(new Set(['duplicate']));
    }
    expectExactlyOnce(home, batches);
  }, 60_000);

  it('SIGTERM mid-stream finishes in-flight batches and exits 0; nothing acknowledged is lost', async () => {
    home = makeHome();
    const batches = makeBatches(300, 10);
    const first = await spawnCollector(home);
    let stopped = false;
    const outcomes = await driveStream(first.url, batches, 8, (acked) => {
      if (acked === 80 && !stopped) { stopped = true; first.child.kill('SIGTERM'); }
    });
    expect(await first.exited).toBe(0);
    const acked = idsOf(batches, outcomes, 'acked');
    expect(acked.length).toBeGreaterThanOrEqual(80 * 10);
    expect(outcomes.filter((o) => o !== 'acked').length).toBeGreaterThan(0);
    const afterStop = storedCounts(home);
    expect(acked.filter((id) => afterStop.get(id) !== 1)).toEqual([]);

    await recover(home, batches, outcomes);
    expectExactlyOnce(home, batches);
  }, 60_000);
});
