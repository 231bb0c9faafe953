import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertScheduler } from '../../../collector/src/alerts/schedule/alert-scheduler.js';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { getRuleState } from '../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { freshStore, storeRule } from './helpers/alert-db.js';
import { at } from './helpers/series-source.js';

const HOUR = 3_600_000;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function setup() {
  const s = freshStore();
  cleanup.push(s.dispose);
  return s;
}

function scheduler(db: import('better-sqlite3').Database, now: number, maxCatchUpSlots = 100) {
  const sch = new AlertScheduler({ data: sqliteAlertData(db), now: () => now, maxCatchUpSlots, deliveryPollMs: 60_000 });
  cleanup.push(() => sch.stop());
  return sch;
}

const slotsOf = (db: import('better-sqlite3').Database, ruleId: string) =>
  (db.prepare('SELECT slot FROM alert_evaluations WHERE rule_id = ? ORDER BY slot').all(ruleId) as { slot: number }[]).map((r) => new Date(r.slot).toISOString());

describe('alert scheduler', () => {
  it('after a restart evaluates each missed slot once: none missed, none doubled', async () => {
    const { store } = setup();
    // Hourly rule created at 00:10; the first slot is 01:00.
    const rule = storeRule(store, { createdAt: at('2026-05-01T00:10:00Z'), schedule: { cron: '0 * * * *' } });
    // First process runs at 03:30: slots 01:00, 02:00, 03:00.
    const a = scheduler(store.db, at('2026-05-01T03:30:00Z'));
    await a.start();
    await a.stop();
    expect(slotsOf(store.db, rule.id)).toEqual(['2026-05-01T01:00:00.000Z', '2026-05-01T02:00:00.000Z', '2026-05-01T03:00:00.000Z']);
    // Down until 06:10; the restarted process catches up 04:00, 05:00, 06:00 and nothing else.
    const b = scheduler(store.db, at('2026-05-01T06:10:00Z'));
    await b.start();
    expect(slotsOf(store.db, rule.id)).toEqual([1, 2, 3, 4, 5, 6].map((h) => `2026-05-01T0${h}:00:00.000Z`));
    // Running again, or a second process racing for the same slots, evaluates nothing more.
    expect(await b.runDue(rule)).toBe(0);
    expect((await runSlot(sqliteAlertData(store.db), rule, at('2026-05-01T06:00:00Z')))).toBeNull();
    expect(getRuleState(store.db, rule.id).lastSlot).toBe(at('2026-05-01T06:00:00Z'));
  });

  it('bounds catch-up to the newest slots', async () => {
    const { store } = setup();
    const rule = storeRule(store, { createdAt: at('2026-05-01T00:00:00Z') });
    // 10 hourly slots missed (01:00 … 10:00), at most 3 caught up: 08:00, 09:00, 10:00.
    await scheduler(store.db, at('2026-05-01T10:20:00Z'), 3).start();
    expect(slotsOf(store.db, rule.id)).toEqual(['2026-05-01T08:00:00.000Z', '2026-05-01T09:00:00.000Z', '2026-05-01T10:00:00.000Z']);
  });

  it('schedules in the rule time zone: a daily 09:00 Shanghai rule has its slots at 01:00 UTC', async () => {
    const { store } = setup();
    const rule = storeRule(store, {
      createdAt: at('2026-05-01T00:00:00Z'), timezone: 'Asia/Shanghai', schedule: { cron: '0 9 * * *' }, window: { unit: 'day', size: 1 },
    });
    await scheduler(store.db, at('2026-05-03T12:00:00Z')).start();
    expect(slotsOf(store.db, rule.id)).toEqual(['2026-05-01T01:00:00.000Z', '2026-05-02T01:00:00.000Z', '2026-05-03T01:00:00.000Z']);
  });

  it('lifecycle through the database: fires once, history recorded', async () => {
    const { store } = setup();
    // No traffic at all: every hour breaches "sessions < 1"; consecutive 2 → fires at the 2nd slot.
    const rule = storeRule(store, { createdAt: at('2026-05-01T00:00:00Z'), lifecycle: { consecutive: 2, cooldownMinutes: 0, notifyRecovery: true } });
    await scheduler(store.db, at('2026-05-01T04:00:00Z')).start();
    const events = store.db.prepare('SELECT type, at FROM alert_events WHERE rule_id = ?').all(rule.id);
    expect(events).toEqual([{ type: 'fired', at: at('2026-05-01T02:00:00Z') }]);
    expect(getRuleState(store.db, rule.id)).toMatchObject({ status: 'firing', consecutive: 4 });
    expect(store.db.prepare('SELECT status, fired_at FROM alert_incidents').all()).toEqual([{ status: 'firing', fired_at: at('2026-05-01T02:00:00Z') }]);
  });

  it('the same weekday at 3 o’clock local in New York across the spring-forward night', async () => {
    const { store } = setup();
    // "0 3 * * *" New York: 2026-03-07 03:00 EST = 08:00Z; 2026-03-08 03:00 EDT = 07:00Z (the clock skipped 02:00–03:00).
    const rule = storeRule(store, { createdAt: at('2026-03-07T00:00:00Z'), timezone: 'America/New_York', schedule: { cron: '0 3 * * *' }, window: { unit: 'day', size: 1 } });
    await scheduler(store.db, at('2026-03-08T12:00:00Z')).start();
    expect(slotsOf(store.db, rule.id)).toEqual(['2026-03-07T08:00:00.000Z', '2026-03-08T07:00:00.000Z']);
  });
});
