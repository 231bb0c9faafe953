import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTracker } from '../../../sdk/src/core/tracker.js';
import { settle, type Options } from '../../../sdk/src/core/options.js';
import type { KV, PlatformAdapter } from '../../../sdk/src/core/platform.js';
import { queued } from '../../../sdk/src/core/queue.js';
import { serial } from '../../../sdk/src/core/serial.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';
import { startRecordingServer, type RecordingServer } from '../../sdk/helpers/recording-server.js';
import { nodePlatform } from './node-platform.js';

let server: RecordingServer;
beforeEach(async () => {
  server = await startRecordingServer();
});
afterEach(() => server.close());

/** A store that counts its writes (each `set` is one localStorage.setItem in a browser), per key. */
function countingStore(): { store: KV; writes: Record<string, number> } {
  const inner = memoryStore();
  const writes: Record<string, number> = {};
  return { store: { get: inner.get, set: (k, v) => ((writes[k] = (writes[k] || 0) + 1), inner.set(k, v)) }, writes };
}

// Large batchSize and interval: nothing is sent until a test flushes.
const opts = (more: Partial<Options> = {}): Options => ({ site: 'demo', endpoint: server.origin, batchSize: 5000, flushInterval: 60_000, ...more });
const start = (p: PlatformAdapter, more?: Partial<Options>) => createTracker(p, settle(opts(more)));
/** Lets the microtasks of the current task run (the write-behind is one). */
const endOfTask = () => Promise.resolve();

describe('write-behind queue', () => {
  it('stores a burst of 1000 events in one write, capped, and a flush sends them all', async () => {
    const { store, writes } = countingStore();
    const t = start(nodePlatform({ store }), { maxQueue: 900 });
    for (let i = 0; i < 1000; i++) t.track('impression', { i });
    expect(writes.md_q).toBeUndefined(); // nothing written during the burst
    await endOfTask();
    expect(writes.md_q).toBe(1);
    // cap 900: the oldest 1000 − 900 = 100 (i = 0…99) are dropped and counted
    const stored = queued(store);
    expect(stored.map((e) => (e as unknown as { props: { i: number } }).props.i)).toEqual(Array.from({ length: 900 }, (_, k) => 100 + k));
    expect(t.debug()).toMatchObject({ dropped: 100, queued: 900 });

    await t.flush();
    const sent = server.events();
    expect(sent.map((e) => e.id)).toEqual(stored.map((e) => e.id)); // all 900, in order, once each
    expect(server.received[0].json!.dropped).toBe(100);
    expect(t.debug().queued).toBe(0);
    // one write for the burst, then one per confirmed request (each removes its batch)
    expect(writes.md_q).toBe(1 + server.received.length);
  });

  it('stores this task\'s events before debug() or the beacon on page hide reads the queue', () => {
    let leave = () => {};
    const beacons: string[] = [];
    const p: PlatformAdapter = {
      ...nodePlatform(),
      listen: (onLeave) => void (leave = onLeave),
      beacon: (_url, body) => (beacons.push(body), true),
    };
    const t = start(p);
    t.track('a');
    t.track('b');
    expect(t.debug().queued).toBe(2); // synchronously, before the end of the task
    t.track('c');
    leave();
    expect(JSON.parse(beacons[0]).batch.map((e: { event: string }) => e.event)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the events another tab stored in the same task (two trackers on one store)', async () => {
    const store = memoryStore();
    const lock = serial();
    const a = start(nodePlatform({ store, lock }));
    const b = start(nodePlatform({ store, lock }));
    a.track('from_a');
    b.track('from_b');
    a.track('from_a');
    await endOfTask();
    expect(queued(store).map((e) => e.event).sort()).toEqual(['from_a', 'from_a', 'from_b']);
    await Promise.all([a.flush(), b.flush()]);
    expect(new Set(server.events().map((e) => e.id)).size).toBe(3);
  });

  it('writes nothing back after an opt-out in the same task as the events', async () => {
    const { store } = countingStore();
    const t = start(nodePlatform({ store }));
    t.track('before_opt_out');
    t.optOut();
    await endOfTask();
    expect(store.get('md_q')).toBeUndefined();
  });

  it('stores held events only once consent is given, within the cap', async () => {
    const { store, writes } = countingStore();
    const t = start(nodePlatform({ store }), { requireConsent: true, maxQueue: 2 });
    for (const name of ['one', 'two', 'three']) t.track(name);
    await endOfTask();
    expect(writes.md_q).toBeUndefined();
    t.consent(true);
    await t.flush();
    // 3 held, cap 2: 'one' is dropped and reported
    expect(server.events().map((e) => e.event)).toEqual(['two', 'three']);
    expect(server.received[0].json!.dropped).toBe(1);
  });
});
