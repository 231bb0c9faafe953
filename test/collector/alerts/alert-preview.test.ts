import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../collector/src/alerts/evaluate-rule.js';
import { addDays, localDate } from '../../../collector/src/alerts/alert-windows.js';
import { startOfZonedDay } from '../../../collector/src/time/zoned-time.js';
import { batch, pageView } from '../helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, shopDictionary, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { rule } from './helpers/series-source.js';

const TZ = 'Asia/Shanghai';
let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(() => c.stop());

/** Noon (Shanghai) of the local day `k` days before today. */
const noonDaysAgo = (k: number) => startOfZonedDay(addDays(localDate(Date.now(), TZ), -k), TZ) + 12 * 3_600_000;
/** The 09:00 Shanghai slot of the local day `k` days before today, as ISO. */
const nineAmDaysAgo = (k: number) => new Date(startOfZonedDay(addDays(localDate(Date.now(), TZ), -k), TZ) + 9 * 3_600_000).toISOString();

async function visits(daysAgo: number, n: number) {
  const events = Array.from({ length: n }, (_, i) => pageView(noonDaysAgo(daysAgo) + i * 60_000, '/', { anonymousId: `v-${daysAgo}-${i}`, sessionId: `s-${daysAgo}-${i}` }));
  const res = await c.post('/v1/batch', batch(events, Date.now()));
  expect(res.body.accepted).toBe(n);
}

describe('alert preview', () => {
  it('replays the last 30 days: when the rule would have fired and recovered', async () => {
    // Sessions per local day: 5 days ago 5, 3 days ago 3, 2 days ago 1, others 0.
    await visits(5, 5);
    await visits(3, 3);
    await visits(2, 1);
    // "sessions above 2" daily at 09:00, reading the day before:
    //   slot 4 days ago reads 5 days ago (5 > 2) → fires; slot 3 days ago reads 4 days ago (0) → recovers;
    //   slot 2 days ago reads 3 days ago (3 > 2) → fires; slot 1 day ago reads 2 days ago (1) → recovers.
    const body = {
      rule: {
        site: 'shop', name: 'Traffic spike', metric: 'sessions', window: { unit: 'day', size: 1 }, schedule: { cron: '0 9 * * *' },
        condition: { type: 'threshold', op: 'above', value: 2 },
      },
    };
    const res = await c.post('/v1/alerts/preview', body, { authorization: `Bearer ${READ_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.body.firings).toEqual([{ slot: nineAmDaysAgo(4), value: 5 }, { slot: nineAmDaysAgo(2), value: 3 }]);
    expect(res.body.recoveries).toEqual([{ slot: nineAmDaysAgo(3), value: 0 }, { slot: nineAmDaysAgo(1), value: 1 }]);
    // One slot a day for 30 days (30 or 31 depending on the time of day now).
    expect([30, 31]).toContain(res.body.slots);
    expect(res.body.outcomes.breach).toBe(2);
    expect(res.body.truncated).toBe(false);
  });

  it('bounds the work: an every-minute rule replays only the newest 2000 slots', async () => {
    const body = {
      rule: { site: 'shop', name: 'x', metric: 'sessions', window: { unit: 'minute', size: 5 }, schedule: { cron: '* * * * *' }, condition: { type: 'threshold', op: 'above', value: 100 } },
      days: 30,
    };
    const res = await c.post('/v1/alerts/preview', body, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slots: 2000, truncated: true, firings: [] });
  });

  it('data quality: quarantined events per hour, by arrival', async () => {
    // Two events that break the strict dictionary (signup needs plan) and one valid page view.
    const now = Date.now();
    const bad = (i: number) => ({ ...pageView(now, '/'), event: 'signup', props: { seats: i } });
    const res = await c.post('/v1/batch', batch([bad(1), bad(2), pageView(now, '/')], now));
    expect(res.body).toMatchObject({ accepted: 1, quarantined: 2 });
    const r = rule({ metric: 'quarantined_events', timezone: TZ, condition: { type: 'threshold', op: 'above', value: 1, inclusive: false } });
    // The slot at the end of the current hour reads the hour the events arrived in: 2 > 1 → breach.
    const slot = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000;
    expect((await evaluateRule(sqliteAlertData(c.store.db), r, slot))).toMatchObject({ value: 2, outcome: 'breach' });
    // The hour before saw none.
    expect((await evaluateRule(sqliteAlertData(c.store.db), r, slot - 3_600_000)).value).toBe(0);
  });

  it('data quality: events flagged in warn mode, by arrival', async () => {
    await c.stop();
    c = await startTestCollector({ dictionary: { ...shopDictionary(), mode: 'warn' } });
    // In warn mode the two bad signups are accepted with flags; the page view has none.
    const now = Date.now();
    const bad = (i: number) => ({ ...pageView(now, '/'), event: 'signup', props: { seats: i } });
    const res = await c.post('/v1/batch', batch([bad(1), bad(2), pageView(now, '/')], now));
    expect(res.body).toMatchObject({ accepted: 3, quarantined: 0 });
    const r = rule({ metric: 'flagged_events', timezone: TZ, condition: { type: 'threshold', op: 'above', value: 1, inclusive: false } });
    const slot = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000;
    expect((await evaluateRule(sqliteAlertData(c.store.db), r, slot))).toMatchObject({ value: 2, outcome: 'breach' });
  });
});
