import { describe, expect, it } from 'vitest';
import { touchSession } from '../../../sdk/src/core/session.js';
import { createQueue } from '../../../sdk/src/core/queue.js';
import { claim, release, LEASE_MS } from '../../../sdk/src/core/lease.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';
import type { WireEvent } from '../../../collector/src/dictionary/events.js';

const MIN = 60_000;

describe('touchSession', () => {
  it('keeps the session up to 30 idle minutes and starts a new one at exactly 30', () => {
    const store = memoryStore();
    const t0 = 1_700_000_000_000;
    const a = touchSession(store, t0, 30 * MIN);
    expect(a.start).toBe(true);
    // 29 min 59.999 s idle: same session
    const b = touchSession(store, t0 + 30 * MIN - 1, 30 * MIN);
    expect(b).toEqual({ id: a.id, start: false });
    // activity at t0+30min-1 moves the clock: exactly 30 min after it is a new session
    const c = touchSession(store, t0 + 30 * MIN - 1 + 30 * MIN, 30 * MIN);
    expect(c.start).toBe(true);
    expect(c.id).not.toBe(a.id);
  });
});

const ev = (n: number) => ({ id: `event-${String(n).padStart(4, '0')}` }) as WireEvent;

describe('createQueue', () => {
  it('drops the oldest events past the cap and counts them once', () => {
    const stats = { dropped: 0 };
    const q = createQueue(memoryStore(), 3, stats);
    for (let n = 1; n <= 5; n++) q.add(ev(n));
    // 5 added, cap 3: events 1 and 2 dropped
    expect(q.all().map((e) => e.id)).toEqual(['event-0003', 'event-0004', 'event-0005']);
    expect(stats.dropped).toBe(2);
  });
  it('removes sent events by id and keeps events added meanwhile', () => {
    const store = memoryStore();
    const q = createQueue(store, 10, { dropped: 0 });
    q.add(ev(1));
    q.add(ev(2));
    const sending = q.all();
    createQueue(store, 10, { dropped: 0 }).add(ev(3)); // another tab adds while we send
    q.remove(sending);
    expect(q.all().map((e) => e.id)).toEqual(['event-0003']);
  });
});

describe('lease', () => {
  it('lets one owner send at a time and expires a crashed owner\u2019s lease', () => {
    const store = memoryStore();
    expect(claim(store, 'tabA', 1000)).toBe(true);
    expect(claim(store, 'tabB', 1001)).toBe(false);
    expect(claim(store, 'tabA', 1002)).toBe(true); // renewal
    // tab A dies without releasing: its lease ends LEASE_MS after its last renewal
    expect(claim(store, 'tabB', 1002 + LEASE_MS - 1)).toBe(false);
    expect(claim(store, 'tabB', 1002 + LEASE_MS + 1)).toBe(true);
    release(store, 'tabA'); // not the holder: no effect
    expect(claim(store, 'tabA', 1002 + LEASE_MS + 2)).toBe(false);
    release(store, 'tabB');
    expect(claim(store, 'tabA', 1002 + LEASE_MS + 3)).toBe(true);
  });
});
