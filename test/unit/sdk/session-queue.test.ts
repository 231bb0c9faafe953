import { describe, expect, it } from 'vitest';
import { touchSession } from '../../../sdk/src/core/session.js';
import { dequeue, queued } from '../../../sdk/src/core/queue.js';
import { serial } from '../../../sdk/src/core/serial.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';
import type { WireEvent } from '../../../collector/src/dictionary/wire-types.js';

const MIN = 60_000;

describe('touchSession', () => {
  it('keeps the session up to 30 idle minutes and starts a new one at exactly 30', () => {
    const store = memoryStore();
    const t0 = 1_700_000_000_000;
    const a = touchSession(store, t0, 30 * MIN);
    expect(a.sessionStart).toBe(true);
    // 29 min 59.999 s idle: same session, and no sessionStart field at all
    const b = touchSession(store, t0 + 30 * MIN - 1, 30 * MIN);
    expect(b).toEqual({ sessionId: a.sessionId, sessionStart: undefined });
    // activity at t0+30min-1 moves the clock: exactly 30 min after it is a new session
    const c = touchSession(store, t0 + 30 * MIN - 1 + 30 * MIN, 30 * MIN);
    expect(c.sessionStart).toBe(true);
    expect(c.sessionId).not.toBe(a.sessionId);
  });
});

const ev = (n: number) => ({ id: `event-${String(n).padStart(4, '0')}` }) as WireEvent;

describe('queue', () => {
  it('removes sent events by id and keeps events another tab added meanwhile', () => {
    const store = memoryStore({ md_q: JSON.stringify([ev(1), ev(2), ev(3)]) });
    const sending = queued(store).slice(0, 2);
    // another tab stores event 4 while events 1 and 2 are on their way
    store.set('md_q', JSON.stringify([...queued(store), ev(4)]));
    dequeue(store, sending);
    expect(queued(store).map((e) => e.id)).toEqual(['event-0003', 'event-0004']);
  });
  it('reads a corrupt stored queue as empty', () => {
    const store = memoryStore({ md_q: '[{"id":' });
    expect(queued(store)).toEqual([]);
  });
});

describe('serial', () => {
  it('starts each task once the one before it has settled, failed ones included', async () => {
    const lock = serial();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name} end`);
      if (fail) throw new Error(name);
    };
    // a is slow and fails, b is quick: b still waits for a, and runs although a failed
    const a = lock(task('a', 30, true));
    const b = lock(task('b', 1));
    await expect(a).rejects.toThrow('a');
    await b;
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});
