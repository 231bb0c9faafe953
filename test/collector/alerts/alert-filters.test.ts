import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../collector/src/alerts/evaluate-rule.js';
import { ADMIN_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { seedFilterHistory } from '../reports/filter-fixtures.js';
import { day } from '../reports/report-fixtures.js';
import { rule } from './helpers/series-source.js';

// The story is in filter-fixtures.ts (Asia/Shanghai). A daily rule at 09:00 on day 2 reads day 1.
let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
  await seedFilterHistory(c);
});
afterAll(async () => { await c.stop(); });

const daily = (over: object) => rule({
  timezone: 'Asia/Shanghai', window: { unit: 'day', size: 1 }, schedule: { cron: '0 9 * * *' },
  condition: { type: 'threshold', op: 'above', value: 0, inclusive: false }, ...over,
});
const valueOf = async (over: object, slot = day(2, 9)) => (await evaluateRule(sqliteAlertData(c.store.db), daily(over), slot)).value;

describe('alerts on several dimensions at once', () => {
  it('narrows sessions and bounce rate by channel and device together', async () => {
    // Paid Search: V1, V2, V3; mobile: V2, V3, V4; both: V2, V3.
    expect(await valueOf({ filters: { channel: 'Paid Search' } })).toBe(3);
    expect(await valueOf({ filters: { device_type: 'mobile' } })).toBe(3);
    expect(await valueOf({ filters: { channel: 'Paid Search', device_type: 'mobile' } })).toBe(2);
    // Bounce rate: V1 bounces of Paid Search → 1/3; V4 of mobile → 1/3; neither V2 nor V3 → 0.
    expect(await valueOf({ metric: 'bounce_rate', filters: { channel: 'Paid Search' } })).toBeCloseTo(1 / 3, 12);
    expect(await valueOf({ metric: 'bounce_rate', filters: { device_type: 'mobile' } })).toBeCloseTo(1 / 3, 12);
    expect(await valueOf({ metric: 'bounce_rate', filters: { channel: 'Paid Search', device_type: 'mobile' } })).toBe(0);
    // Creative "red" among mobile sessions: V2 and V4; with campaign "spring" as well: V2 only.
    expect(await valueOf({ filters: { content: 'red', device_type: 'mobile' } })).toBe(2);
    expect(await valueOf({ metric: 'revenue', filters: { content: 'red', device_type: 'mobile', campaign: 'spring' } })).toBe(100);
  });

  it('counts visitors over a window that crosses a month boundary', async () => {
    // Two days, 2026-02-28 and 03-01 (slot 09:00 on 03-02): V6 on both days counts once, plus
    // V1–V4 → 5 visitors. Engaged sessions: V2, V3 → 2.
    expect(await valueOf({ metric: 'visitors', window: { unit: 'day', size: 2 } })).toBe(5);
    expect(await valueOf({ metric: 'engaged_sessions', window: { unit: 'day', size: 2 } })).toBe(2);
  });

  it('answers 400 for a dimension it does not know', async () => {
    const res = await c.post('/v1/alerts/rules', {
      site: 'shop', name: 'x', metric: 'sessions', filters: { channel: 'Direct', landing_page: '/' }, schedule: { cron: '0 9 * * *' },
      condition: { type: 'threshold', op: 'below', value: 1 },
    }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: '/filters/landing_page', message: 'unknown field "landing_page"' })]);
  });
});
