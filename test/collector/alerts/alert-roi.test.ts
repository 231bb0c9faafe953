import { sqliteAlertData } from '../../../collector/src/alerts/alert-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../collector/src/alerts/evaluate-rule.js';
import { runSlot } from '../../../collector/src/alerts/run-slot.js';
import { getRule } from '../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { ADMIN_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';
import { day, seedShopHistory } from '../reports/report-fixtures.js';

// The shop story of report-fixtures.ts (Asia/Shanghai). Conversions, and who gets them by model:
//   day 4: P2's 50 CNY (a direct visit; P2a came by baidu / cpc on day 2)
//          → Paid Search under last non-direct and under first touch
//   day 5: P1's 300 CNY (on the newsletter visit; P1 first came by baidu / cpc on day 1)
//          → Email under last non-direct, Paid Search under first touch
//   day 6: P4's 20 USD (direct only) → Direct
// Paid Search spend (baidu / cpc / spring), imported through the API:
const spend = [200, 100, 30, 40, 60]; // days 1–5; nothing on day 6
const costs = spend.map((cost, i) => ({ date: `2026-03-0${i + 1}`, source: 'baidu', medium: 'cpc', campaign: 'spring', cost, currency: 'CNY' }));
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

// "ROI below 1 while spend is above the 50 CNY daily budget", on Paid Search, read every day at 09:00.
const budgetRule = (attribution?: object) => ({
  site: 'shop', name: 'Paid search burns money', metric: 'roi', filters: { channel: 'Paid Search' }, schedule: { cron: '0 9 * * *' },
  ...(attribution ? { attribution } : {}),
  lifecycle: { consecutive: 1, cooldownMinutes: 60 },
  condition: { type: 'all', conditions: [{ type: 'threshold', op: 'below', value: 1 }, { type: 'threshold', metric: 'cost', op: 'above', value: 50 }] },
});

let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
  await seedShopHistory(c);
  expect((await c.post('/v1/costs', { site: 'shop', rows: costs }, admin)).body.imported).toBe(5);
});
afterAll(async () => { await c.stop(); });

async function createRule(body: object) {
  const res = await c.post('/v1/alerts/rules', body, admin);
  expect(res.status).toBe(201);
  return getRule(c.store.db, res.body.id)!;
}

/** Runs the 09:00 slots of days 2–7 (each reads the day before); returns [slot ISO, event] of the events. */
async function replay(rule: Awaited<ReturnType<typeof createRule>>): Promise<[string, string][]> {
  const events: [string, string][] = [];
  for (let d = 2; d <= 7; d++) {
    const r = (await runSlot(sqliteAlertData(c.store.db), rule, day(d, 9)));
    if (r?.event) events.push([new Date(day(d, 9)).toISOString(), r.event]);
  }
  return events;
}

describe('ROI alerts', () => {
  it('fires "ROI < 1 and cost above budget" under last non-direct (the default)', async () => {
    const rule = await createRule(budgetRule());
    expect(rule.attribution).toEqual({ model: 'last_non_direct', lookbackDays: 30, halfLifeDays: 7 });
    // Paid Search per day, last non-direct:
    //   day 1: ROI (0 − 200) / 200 = −1 < 1, cost 200 > 50 → breach
    //   day 2: (0 − 100) / 100 = −1, 100 > 50 → breach
    //   day 3: −1, but 30 > 50 is false → ok
    //   day 4: (50 − 40) / 40 = 0.25 < 1, 40 > 50 false → ok
    //   day 5: (0 − 60) / 60 = −1 (P1's order went to Email), 60 > 50 → breach
    //   day 6: no spend: ROI undefined, cost 0 > 50 false → AND is false → ok
    const values = [];
    for (const d of [1, 4, 5]) values.push((await evaluateRule(sqliteAlertData(c.store.db), rule, day(d + 1, 9))).value);
    expect(values).toEqual([-1, 0.25, -1]);
    // Slots at 09:00 Shanghai = 01:00 UTC: fires on day 2 (reading day 1), recovers on day 4
    // (reading day 3), fires again on day 6 (reading day 5; the 60-minute cooldown is long over),
    // recovers on day 7.
    expect(await replay(rule)).toEqual([
      ['2026-03-02T01:00:00.000Z', 'fired'],
      ['2026-03-04T01:00:00.000Z', 'recovered'],
      ['2026-03-06T01:00:00.000Z', 'fired'],
      ['2026-03-07T01:00:00.000Z', 'recovered'],
    ]);
  });

  it('follows the attribution model chosen on the rule', async () => {
    const rule = await createRule(budgetRule({ model: 'first_touch' }));
    // Under first touch P1's 300 CNY on day 5 goes to Paid Search: ROI (300 − 60) / 60 = 4, not
    // below 1 → ok, so the second firing of the last-non-direct rule does not happen.
    expect((await evaluateRule(sqliteAlertData(c.store.db), rule, day(6, 9))).value).toBe(4);
    expect(await replay(rule)).toEqual([['2026-03-02T01:00:00.000Z', 'fired'], ['2026-03-04T01:00:00.000Z', 'recovered']]);
  });

  it('reads ROAS and CPA from the same report rows', async () => {
    const rule = await createRule({ ...budgetRule(), metric: 'roas', condition: { type: 'threshold', op: 'below', value: 1 } });
    // Day 4: ROAS 50 / 40 = 1.25; CPA 40 / 1 conversion = 40.
    expect((await evaluateRule(sqliteAlertData(c.store.db), rule, day(5, 9))).value).toBe(1.25);
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, metric: 'cpa' }, day(5, 9))).value).toBe(40);
    // By campaign "spring" (the same spend and the same credit under last non-direct).
    expect((await evaluateRule(sqliteAlertData(c.store.db), { ...rule, filters: { campaign: 'spring' } }, day(5, 9))).value).toBe(1.25);
  });

  it('refuses filters the ROI report cannot key on', async () => {
    const res = await c.post('/v1/alerts/rules', { ...budgetRule(), filters: { channel: 'Paid Search', device_type: 'mobile' } }, admin);
    expect(res.status).toBe(400);
    const filters = res.body.error.issues.filter((i: { path: string }) => i.path === '/filters').map((i: { message: string }) => i.message);
    // roi: one of channel, campaign; cost: imported costs know no device.
    expect(filters).toEqual([
      'metric "roi" comes from the ROI report, which can be narrowed by one of channel, campaign; got channel and device_type',
      'metric "cost" comes from imported costs, which know channel, campaign, source_medium only; got device_type',
    ]);
    const model = await c.post('/v1/alerts/rules', budgetRule({ model: 'coin_toss' }), admin);
    expect(model.status).toBe(400);
    expect(model.body.error.issues[0].path).toBe('/attribution/model');
  });
});
